import FixbookCore
import FixbookTestSupport
import Foundation
import Testing

/// Integration tests: build real sites into temporary folders and inspect the files.
@Suite struct SiteBuildTests {
    static let fixture: [String: String] = [
        "fixbook.yml": "title: Test Help\nlanguage: zh-CN\n",
        "Content/categories.yml": "mail:\n  title: 邮件\n  description: 收发问题\n",
        "Content/codes.yml": "- code: 0x800CCC0F\n- code: 550\n  message: Invalid User\n",
        "Content/mail/timeout.md": article(
            "title: 连接超时 0x800CCC0F\ncategory: mail\ncodes: [0x800CCC0F]\ntags: [outlook, 网络]\nupdated: 2026-11-01\naliases: [old/timeout]",
            body: "见 [退信](bounce.md#解决方法)。\n\n![图](img/shot.png)\n\n## 解决方法\n\n重启。\n"
        ),
        "Content/mail/bounce.md": article(
            "title: 退信 550\ncategory: mail\ncodes:\n  - code: 550\n    message: Invalid User\nsummary: 地址错误\nupdated: 2026-11-02"
        ),
        "Content/mail/img/shot.png": "not really a png",
        "Content/draft.md": article("title: 草稿\ndraft: true"),
    ]

    @Test func writesTheWholePageSet() throws {
        let site = try TemporarySite(Self.fixture)
        defer { site.remove() }
        let (report, summary) = try SiteBuilder.build(root: site.root)
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(summary != nil)
        let files = Set(site.files(under: "Output"))
        for expected in [
            "index.html", "search.html", "404.html", "sitemap.xml", "feed.xml", "search-index.json",
            "assets/search-index.js", "assets/style.css", "assets/search.js", "assets/search-core.js",
            ".fixbook-output",
            "articles/timeout.html", "articles/bounce.html", "codes/index.html", "codes/0x800CCC0F.html",
            "codes/550.html",
            "categories/index.html", "categories/mail.html", "tags/index.html", "tags/outlook.html", "tags/网络.html",
            "old/timeout.html", "files/mail/img/shot.png",
        ] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        #expect(!files.contains("articles/draft.html"))
        let page = try site.read("Output/articles/timeout.html")
        #expect(page.contains("href=\"bounce.html#%E8%A7%A3%E5%86%B3%E6%96%B9%E6%B3%95\""))
        #expect(page.contains("src=\"../files/mail/img/shot.png\""))
        #expect(page.contains("<html lang=\"zh-CN\">"))
        let codePage = try site.read("Output/codes/550.html")
        #expect(codePage.contains("../articles/bounce.html#%E8%A7%A3%E5%86%B3%E6%96%B9%E6%B3%95"))
        #expect(codePage.contains("Invalid User"))
        let redirect = try site.read("Output/old/timeout.html")
        #expect(redirect.contains("url=../articles/timeout.html"))
    }

    @Test func draftsAreBuiltOnRequest() throws {
        let site = try TemporarySite(Self.fixture)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root, options: .init(includeDrafts: true))
        #expect(site.exists("Output/articles/draft.html"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TemporarySite(Self.fixture)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root, options: .init(output: "One"))
        _ = try SiteBuilder.build(root: site.root, options: .init(output: "Two"))
        let one = site.files(under: "One")
        #expect(one == site.files(under: "Two"))
        for path in one {
            #expect(try site.read("One/" + path) == site.read("Two/" + path), "\(path) differs")
        }
    }

    /// The head links, scripts and breadcrumbs come from partials rendered once per depth or
    /// trail; a theme written before those partials, with the markup inline in its base
    /// template, must give the very same pages.
    @Test func aThemeWithoutTheSharedPartialsGivesTheSamePages() throws {
        let site = try TemporarySite(Self.fixture, withTemplates: false)
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("OldTheme")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: theme)
        for partial in ["head", "scripts", "breadcrumbs"] {
            try FileManager.default.removeItem(at: theme.appendingPathComponent("partials/\(partial).mustache"))
        }
        let base = try site.read("OldTheme/base.mustache")
        let inline = [
            (
                "{{{headHTML}}}",
                """
                <link rel="stylesheet" href="{{root}}assets/style.css">
                <link rel="icon" href="{{root}}assets/favicon.svg" type="image/svg+xml">
                <link rel="alternate" type="application/atom+xml" href="{{root}}feed.xml" title="{{siteTitle}}">
                """
            ),
            (
                "{{{scriptsHTML}}}",
                """
                <script src="{{root}}assets/search-index.js" defer></script>
                <script src="{{root}}assets/search-stemmer.js" defer></script>
                <script src="{{root}}assets/search-core.js" defer></script>
                <script src="{{root}}assets/search.js" defer></script>
                <script src="{{root}}assets/copy.js" defer></script>
                <script src="{{root}}assets/feedback.js" defer></script>
                """
            ),
            (
                "{{{breadcrumbsHTML}}}",
                """
                <nav class="breadcrumbs" aria-label="breadcrumb"><ol>{{#breadcrumbs}}<li><a href="{{url}}">\
                {{title}}</a></li>{{/breadcrumbs}}</ol></nav>
                """
            ),
        ]
        var old = base
        for (field, markup) in inline {
            #expect(old.contains(field))
            old = old.replacingOccurrences(of: field, with: markup)
        }
        try site.write("OldTheme/base.mustache", old)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Templates"),
            withDestinationURL: repositoryRoot.appendingPathComponent("Templates"))
        _ = try SiteBuilder.build(root: site.root, options: .init(output: "New"))
        try site.write("fixbook.yml", "title: Test Help\nlanguage: zh-CN\ntemplates: OldTheme\n")
        _ = try SiteBuilder.build(root: site.root, options: .init(output: "Old"))
        let pages = site.files(under: "New").filter { $0.hasSuffix(".html") }
        #expect(pages.count > 5)
        #expect(pages == site.files(under: "Old").filter { $0.hasSuffix(".html") })
        for path in pages {
            #expect(try site.read("New/" + path) == site.read("Old/" + path), "\(path) differs")
        }
        #expect(try site.read("New/articles/timeout.html").contains("<nav class=\"breadcrumbs\""))
    }

    @Test func aRebuildRewritesOnlyWhatChanged() throws {
        let site = try TemporarySite(Self.fixture)
        defer { site.remove() }
        // Two builds: the output and the generation kept for reuse both hold this content.
        _ = try SiteBuilder.build(root: site.root)
        _ = try SiteBuilder.build(root: site.root)
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for folder in ["Output", ".Output.previous"] {
            for path in site.files(under: folder) {
                try FileManager.default.setAttributes(
                    [.modificationDate: old], ofItemAtPath: site.root.appendingPathComponent(folder + "/" + path).path)
            }
        }
        // Only the body changes: no other page shows it.
        let source = try site.read("Content/mail/timeout.md")
        try site.write("Content/mail/timeout.md", source.replacingOccurrences(of: "重启。", with: "重启，改过了。"))
        _ = try SiteBuilder.build(root: site.root)
        func modified(_ path: String) throws -> Date {
            try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent(path).path)[
                .modificationDate] as! Date
        }
        #expect(try site.read("Output/articles/timeout.html").contains("改过了"))
        #expect(try modified("Output/articles/timeout.html") > old)
        #expect(try modified("Output/articles/bounce.html") == old)
        #expect(try modified("Output/codes/0x800CCC0F.html") == old)
    }

    @Test func errorsWriteNothingAndKeepThePreviousOutput() throws {
        let site = try TemporarySite(Self.fixture)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let before = try site.read("Output/index.html")
        try site.write("Content/mail/bounce.md", article("title: 退信\ncodes: [550]", body: "没有解决方法。\n"))
        let (report, summary) = try SiteBuilder.build(root: site.root)
        #expect(summary == nil)
        #expect(report.diagnostics.contains { $0.rule.rawValue == "code-without-solution" })
        #expect(try site.read("Output/index.html") == before)
    }

    @Test func rebuildsLeaveNoStaleFiles() throws {
        let site = try TemporarySite(Self.fixture)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let first = site.files(under: "Output")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/mail/bounce.md"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/codes.yml"))
        try site.write("Content/mail/timeout.md", article("title: 超时\ntags: [新标签]"))
        for _ in 0..<3 {
            let (report, summary) = try SiteBuilder.build(root: site.root)
            #expect(summary != nil, "\(report.diagnostics)")
            let files = site.files(under: "Output")
            #expect(!files.contains("articles/bounce.html"))
            #expect(!files.contains("codes/550.html"))
            #expect(!files.contains("tags/outlook.html"))
            #expect(files.contains("tags/新标签.html"))
            #expect(files.count < first.count)
            #expect(try site.read("Output/articles/timeout.html").contains("超时"))
        }
        // The generation before last is kept for reuse, and only that one, with both manifests.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }
        #expect(siblings.sorted() == [".Output.manifest", ".Output.previous", ".Output.previous.manifest"])
    }

    @Test func refusesToReplaceAForeignFolder() throws {
        let site = try TemporarySite(Self.fixture.merging(["Output/precious.txt": "mine"]) { a, _ in a })
        defer { site.remove() }
        #expect(throws: FixbookError.self) { try SiteBuilder.build(root: site.root) }
        #expect(try site.read("Output/precious.txt") == "mine")
    }

    @Test func indexScriptCannotBreakOutOfItsScriptTag() throws {
        var files = Self.fixture
        files["Content/evil.md"] = article(
            "title: \"</script><script>alert(1)</script> \u{2028}\"\nsummary: \"<!-- x\"")
        let site = try TemporarySite(files)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        // the entry script, the shards and the article's document all carry the title
        let scripts = try FileManager.default.subpathsOfDirectory(atPath: site.root.path + "/Output/assets")
            .filter { $0.hasPrefix("search") && $0.hasSuffix(".js") }
        #expect(scripts.count >= 4)
        for path in scripts {
            let script = try site.read("Output/assets/" + path)
            #expect(!script.contains("</script"), "\(path)")
            #expect(!script.contains("<!--"), "\(path)")
            #expect(!script.contains("\u{2028}"), "\(path)")
        }
        let page = try site.read("Output/articles/evil.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;/script&gt;"))
    }
}
