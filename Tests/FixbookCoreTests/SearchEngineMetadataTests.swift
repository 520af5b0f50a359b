import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// With `baseURL`: canonical addresses, Open Graph, Twitter cards, JSON-LD and robots.txt, read
/// back from the built pages as a search engine reads them.
@Suite struct SearchEngineMetadataTests {
    /// The properties schema.org defines for the types we write (Thing, CreativeWork, Article and
    /// TechArticle's own; ItemList and ListItem's), and the ones Google requires of each.
    static let allowed: [String: Set<String>] = [
        "TechArticle": [
            "@context", "@type", "headline", "description", "dateModified", "inLanguage", "keywords", "url",
            "mainEntityOfPage",
        ],
        "BreadcrumbList": ["@context", "@type", "itemListElement"],
        "ListItem": ["@type", "position", "name", "item"],
    ]
    static let required: [String: Set<String>] = [
        "TechArticle": ["headline"], "BreadcrumbList": ["itemListElement"], "ListItem": ["position", "name", "item"],
    ]

    private func jsonLD(_ html: String) throws -> [[String: Any]] {
        let pattern = try Regex("<script type=\"application/ld\\+json\">(.*?)</script>")
        return try html.matches(of: pattern).map { match in
            let text = String(match.output[1].substring ?? "")
            return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
    }

    private func checkTypes(_ object: [String: Any]) {
        let type = object["@type"] as? String ?? "?"
        let keys = Set(object.keys)
        #expect(keys.isSubset(of: Self.allowed[type] ?? []), "\(type): \(keys)")
        #expect((Self.required[type] ?? []).isSubset(of: keys), "\(type): \(keys)")
    }

    @Test func anArticleTellsSearchEnginesWhatItIs() throws {
        let site = try TemporarySite([
            "fixbook.yml": "title: Mail Help\nlanguage: zh-CN\nbaseURL: https://help.example.com/docs\n",
            "Content/categories.yml": "mail:\n  title: 收发邮件\n",
            "Content/a.md": article(
                "title: \"收信报错 </script><script>alert(1)</script>\"\ncategory: mail\nsummary: 连接超时\n"
                    + "updated: 2026-11-10\ntags: [收信, Outlook]"),
        ])
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let html = try site.read("Output/articles/a.html")
        #expect(html.contains("<link rel=\"canonical\" href=\"https://help.example.com/docs/articles/a.html\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(html.contains("<meta property=\"og:locale\" content=\"zh_CN\">"))
        #expect(html.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(!html.contains("<script>alert(1)"))
        let objects = try jsonLD(html)
        #expect(objects.map { $0["@type"] as? String } == ["BreadcrumbList", "TechArticle"])
        for object in objects {
            #expect(object["@context"] as? String == "https://schema.org")
            checkTypes(object)
        }
        let items = try #require(objects[0]["itemListElement"] as? [[String: Any]])
        items.forEach(checkTypes)
        #expect(items.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(
            items.map { $0["item"] as? String } == [
                "https://help.example.com/docs/index.html", "https://help.example.com/docs/categories/mail.html",
                "https://help.example.com/docs/articles/a.html",
            ])
        #expect(items.map { $0["name"] as? String }.last == "收信报错 </script><script>alert(1)</script>")
        let techArticle = objects[1]
        #expect(techArticle["dateModified"] as? String == "2026-11-10")
        #expect(techArticle["inLanguage"] as? String == "zh-CN")
        #expect(techArticle["keywords"] as? String == "收信, Outlook")
        #expect(techArticle["url"] as? String == "https://help.example.com/docs/articles/a.html")

        // every other page: a canonical address and its breadcrumbs, no article
        let tagPage = try site.read("Output/tags/outlook.html")
        #expect(tagPage.contains("href=\"https://help.example.com/docs/tags/outlook.html\""))
        let tagTrail = try #require(try jsonLD(tagPage).first?["itemListElement"] as? [[String: Any]])
        #expect(
            tagTrail.map { $0["item"] as? String }.dropLast().last == "https://help.example.com/docs/tags/index.html")
        #expect(try site.read("Output/index.html").contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(
            try site.read("Output/robots.txt")
                == "User-agent: *\nAllow: /\nSitemap: https://help.example.com/docs/sitemap.xml\n")
    }

    @Test func withoutABaseURLNoneOfItIsWritten() throws {
        let site = try TemporarySite(["fixbook.yml": "title: T\n", "Content/a.md": article("title: A")])
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let html = try site.read("Output/articles/a.html")
        #expect(!html.contains("rel=\"canonical\""))
        #expect(!html.contains("og:"))
        #expect(!html.contains("application/ld+json"))
        #expect(try site.read("Output/robots.txt") == "User-agent: *\nAllow: /\n")
    }

    @Test func breadcrumbLinksResolveAgainstThePage() {
        #expect(SearchEngineMetadata.resolve("index.html", from: "tags/x.html") == "tags/index.html")
        #expect(SearchEngineMetadata.resolve("../index.html", from: "articles/a.html") == "index.html")
        #expect(SearchEngineMetadata.resolve("../categories/m.html", from: "articles/a.html") == "categories/m.html")
        #expect(SearchEngineMetadata.resolve("index.html", from: "index.html") == "index.html")
    }
}
