import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// `sitemap.xml` and the protocol's limit of 50,000 URLs a file.
@Suite struct SitemapTests {
    private func knowledgeBase() throws -> (SiteModel, TemporarySite) {
        let site = try TemporarySite(
            [
                "fixbook.yml": "title: T\nbaseURL: https://help.example.com/kb\n",
                "Content/a.md": article("title: A\nupdated: 2026-01-02"),
            ], withTemplates: false)
        return (SiteModel(try SiteLoader.load(root: site.root)), site)
    }

    @Test func aSmallSiteHasOneSitemap() throws {
        let (kb, site) = try knowledgeBase()
        defer { site.remove() }
        let files = FeedWriter.sitemaps(kb, paths: ["index.html", "articles/a.html", "404.html", "feed.xml"])
        #expect(files.map(\.path) == ["sitemap.xml"])
        guard case .text(let xml) = files[0].contents else { return #expect(Bool(false)) }
        #expect(xml.contains("<urlset"))
        #expect(xml.contains("<loc>https://help.example.com/kb/articles/a.html</loc><lastmod>2026-01-02</lastmod>"))
        #expect(!xml.contains("404.html") && !xml.contains("feed.xml"))
    }

    /// What the feeds and sitemaps write is XML 1.0: markup escaped, forbidden characters dropped,
    /// plain text (most of it) as it was.
    @Test func xmlTextIsEscapedAndForbiddenCharactersDropped() {
        #expect(FeedWriter.xmlEscape("articles/退信.html") == "articles/退信.html")
        #expect(FeedWriter.xmlEscape("a&b<c>\"d'") == "a&amp;b&lt;c&gt;&quot;d&apos;")
        #expect(FeedWriter.xmlEscape("tab\tline\nreturn\r") == "tab\tline\nreturn\r")
        #expect(FeedWriter.xmlEscape("bell\u{7}esc\u{1B}x\u{FFFE}\u{FFFF}y") == "bellescxy")
        #expect(FeedWriter.xmlEscape("\u{FFFD}\u{EFFF}") == "\u{FFFD}\u{EFFF}")
    }

    @Test func aLargeSiteGetsASitemapIndex() throws {
        let (kb, site) = try knowledgeBase()
        defer { site.remove() }
        let paths = ["a.html", "b.html", "c.html", "d.html", "e.html"]
        let files = FeedWriter.sitemaps(kb, paths: paths, urlsPerFile: 2)
        #expect(files.map(\.path) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
        var urls = 0
        for file in files.dropLast() {
            guard case .text(let xml) = file.contents else { return #expect(Bool(false)) }
            urls += xml.components(separatedBy: "<url>").count - 1
        }
        #expect(urls == paths.count)
        guard case .text(let index) = files.last!.contents else { return #expect(Bool(false)) }
        #expect(index.contains("<sitemapindex"))
        #expect(index.contains("<sitemap><loc>https://help.example.com/kb/sitemap-3.xml</loc></sitemap>"))
    }
}
