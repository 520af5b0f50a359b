import FixbookCore
import FixbookTestSupport
import Foundation
import Testing

/// The assembled model: the facts every output reads, and which outputs depend on an article.
@Suite struct SiteModelTests {
    private func model(_ files: [String: String]) throws -> (SiteModel, TemporarySite) {
        let site = try TemporarySite(files, withTemplates: false)
        return (SiteModel(try SiteLoader.load(root: site.root)), site)
    }

    @Test func categoriesAsListedThenAsWrittenThenTheFallback() throws {
        let (model, site) = try model([
            "fixbook.yml": "language: en\n",
            "Content/categories.yml": "mail:\n  title: Mail\nunused: Unused\n",
            "Content/a.md": article("title: A\ncategory: mail"),
            "Content/b.md": article("title: B\ncategory: web"),
            "Content/c.md": article("title: C"),
        ])
        defer { site.remove() }
        #expect(model.categories.map(\.key) == ["mail", "web", ""])
        #expect(model.categories.map(\.title) == ["Mail", "web", "Other"])
        #expect(model.categoryTitles["unused"] == "Unused")
        #expect(model.byCategory[""] == [2])
    }

    @Test func solutionLinksPointAtTheNamedOrFirstSolution() throws {
        let (model, site) = try model([
            "Content/a.md": article(
                "title: A\ncodes:\n  - 550\n  - code: 552\n    solution: 情况二",
                body: "## 解决方法\n\n### 情况一\n\nx\n\n### 情况二\n\ny\n")
        ])
        defer { site.remove() }
        #expect(model.solutionURL(article: 0, code: 0) == "articles/a.html#%E8%A7%A3%E5%86%B3%E6%96%B9%E6%B3%95")
        #expect(model.solutionURL(article: 0, code: 1) == "articles/a.html#%E6%83%85%E5%86%B5%E4%BA%8C")
        #expect(model.firstSolutionAnchor == ["解决方法"])
    }

    @Test func outputsThatDependOnAnArticle() throws {
        let (model, site) = try model([
            "Content/a.md": article("title: A\ncategory: mail\ntags: [发信]\ncodes: [550]\naliases: [old/a]"),
            "Content/b.md": article("title: B", body: "See [A](a.md).\n\n## 解决方法\n\nx\n"),
            "Content/c.md": article("title: C\nrelated: [a]"),
            "Content/d.md": article("title: D\ncategory: other-things"),
        ])
        defer { site.remove() }
        let paths = model.outputs(dependingOn: "a")
        for expected in [
            "articles/a.html", "articles/b.html", "articles/c.html", "categories/mail.html", "tags/发信.html",
            "codes/550.html", "old/a.html", "index.html", "codes/index.html", "tags/index.html", "sitemap.xml",
            "feed.xml", "search-index.json",
        ] {
            #expect(paths.contains(expected), "\(expected) is not among \(paths.sorted())")
        }
        #expect(!paths.contains("articles/d.html") && !paths.contains("categories/other-things.html"))
        #expect(model.outputs(dependingOn: "nothing").isEmpty)
    }
}
