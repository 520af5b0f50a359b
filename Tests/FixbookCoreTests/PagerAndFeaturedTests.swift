import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// An article's way on to the next one of its category, and the featured "common questions".
@Suite struct PagerAndFeaturedTests {
    static let files: [String: String] = [
        "fixbook.yml": "title: Help\nlanguage: en\n",
        "Content/categories.yml": "mail:\n  title: Mail\n",
        "Content/b.md": article("title: Bravo\ncategory: mail\norder: 1\nfeatured: true\ntags: [t]"),
        "Content/a.md": article("title: Alpha\ncategory: mail\norder: 2"),
        "Content/c.md": article("title: Charlie\ncategory: mail\ntags: [t]"),
        "Content/d.md": article("title: Delta"),
    ]

    /// The pager's links as (label, title, href), read from the page.
    private func pager(_ html: String) throws -> [String] {
        guard let start = html.range(of: "<nav class=\"article-pager\""),
            let end = html[start.upperBound...].range(of: "</nav>")
        else { return [] }
        let nav = String(html[start.lowerBound..<end.upperBound])
        let link = try Regex(
            "rel=\"(prev|next)\" href=\"([^\"]*)\"><span class=\"pager-label\">([^<]*)</span> ([^<]*)</a>")
        return nav.matches(of: link).map { match in
            (1...4).map { String(match.output[$0].substring ?? "") }.joined(separator: "|")
        }
    }

    @Test func articlesLeadToTheirNeighboursInCategoryOrder() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        // order: Bravo (1), Alpha (2), Charlie (no order)
        #expect(try pager(site.read("Output/articles/b.html")) == ["next|../articles/a.html|Next|Alpha"])
        #expect(
            try pager(site.read("Output/articles/a.html")) == [
                "prev|../articles/b.html|Previous|Bravo", "next|../articles/c.html|Next|Charlie",
            ])
        #expect(try pager(site.read("Output/articles/c.html")) == ["prev|../articles/a.html|Previous|Alpha"])
        // alone in its category: no pager at all
        #expect(try !site.read("Output/articles/d.html").contains("article-pager"))
    }

    @Test func featuredArticlesAreTheCommonQuestions() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let block =
            "<section class=\"featured\" data-featured aria-labelledby=\"featured-heading\">\n"
            + "  <h2 id=\"featured-heading\">Common questions</h2>\n  <ul class=\"featured-list\">"
        #expect(
            try site.read("Output/index.html").contains(block + "<li><a href=\"articles/b.html\">Bravo</a></li></ul>"))
        #expect(
            try site.read("Output/categories/mail.html").contains(
                block + "<li><a href=\"../articles/b.html\">Bravo</a></li></ul>"))
        #expect(try !site.read("Output/tags/t.html").contains("data-featured"))
    }

    /// A new neighbour re-renders the pages around it in the preview, as a full build would.
    @Test func anIncrementalBuildUpdatesTheNeighbours() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let incremental = IncrementalSite(root: site.root)
        _ = try incremental.update()
        try site.write("Content/e.md", article("title: Echo\ncategory: mail\norder: 0"))
        _ = try incremental.update()
        let served = String(decoding: try #require(incremental.allFiles()["articles/b.html"]), as: UTF8.self)
        #expect(try pager(served) == ["prev|../articles/e.html|Previous|Echo", "next|../articles/a.html|Next|Alpha"])
    }
}
