import FixbookCore
import FixbookTestSupport
import Foundation
import PropertyBased
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

/// After an edit, the model picks again only the related lists that may have moved: an article's
/// candidates are its neighbours in each of its lists, so an article joining or leaving a list,
/// or coming or going, reaches the members near its place in it. Lists far longer than the
/// neighbourhood make a wrong reach show. The edits change the loaded articles in memory: loading
/// hundreds of files per step would make the test slow, not stronger.
@Suite struct RelatedListsAfterAnEditTests {
    private static let size = 400

    private static func text(_ number: Int) -> String {
        article("title: 文章 \(number)\ncodes: [\(550 + number % 2)]\ntags: [共同]\ncategory: mail")
    }

    /// Articles that come, go and are hand-picked: every 50th, and copies of them.
    private static let hot = (0..<8).map { String(format: "a%03d", $0 * 50) }
    private static let picks = hot + hot.flatMap { ["\($0)-0", "\($0)-1"] }

    /// `choice` sets the article's tags, code, category and hand-picked related article.
    private static func edited(_ article: RenderedArticle, _ choice: Int, codes: [ArticleCode]) -> RenderedArticle {
        var article = article
        article.metadata.tags = ["共同"] + (0..<(choice % 3)).map { "t\((choice / 3 + $0) % 4)" }
        article.metadata.codes = [codes[(choice / 7) % codes.count]]
        article.metadata.category = ["mail", "web", "mail", nil][(choice / 11) % 4]
        article.metadata.related = choice % 2 == 0 ? [LocatedString(picks[choice / 2 % picks.count], line: 1)] : []
        return article
    }

    /// Each step edits, adds (choice 80–89) or removes (90–99) a few articles.
    @Test func listsPickedAgainAreThoseOfAFreshModel() async throws {
        var files: [String: String] = [:]
        for number in 0..<Self.size { files[String(format: "Content/a%03d.md", number)] = Self.text(number) }
        let site = try TemporarySite(files, withTemplates: false)
        defer { site.remove() }
        let loaded = try SiteLoader.load(root: site.root)
        let first = SiteModel(loaded)
        let codes = first.articles.prefix(2).map { $0.metadata.codes[0] }
        let edit = zip(Gen.int(in: 0...(Self.size - 1)), Gen.int(in: 0...99))
        await propertyCheck(count: 40, input: edit.array(of: 1...3).array(of: 2...6)) { steps in
            var model = first
            var added = 0
            for (step, edits) in steps.enumerated() {
                var articles = model.articles
                var changed: Set<String> = []
                for (target, choice) in edits {
                    var index = target % articles.count
                    if choice >= 80, let hot = articles.firstIndex(where: { $0.slug == Self.hot[target % 8] }) {
                        index = hot
                    }
                    changed.insert(articles[index].sourcePath)
                    if choice >= 90 {
                        articles.remove(at: index)
                        continue
                    }
                    var article = Self.edited(articles[index], choice, codes: codes)
                    if choice >= 80 {
                        // next to the one it copies in every list
                        article.slug = articles[index].slug + "-\(added)"
                        article.sourcePath = article.slug + ".md"
                        added += 1
                        changed.insert(article.sourcePath)
                        articles.append(article)
                    } else {
                        articles[index] = article
                    }
                }
                let old = model.knowledgeBase
                let kb = KnowledgeBase(
                    config: old.config, articles: articles, categories: old.categories, catalog: old.catalog,
                    assets: old.assets)
                let next = SiteModel(knowledgeBase: kb, synonyms: [], previous: model, changed: changed)
                #expect(
                    next.related == SiteModel(knowledgeBase: kb, synonyms: []).related, "step \(step + 1): \(edits)")
                // one article's edit reaches its neighbours, not the whole of its lists (all 400
                // articles are in the category and tag they start with)
                if edits.count == 1, let picked = next.relatedPicked { #expect(picked.count < Self.size * 3 / 4) }
                model = next
            }
        }
    }
}
