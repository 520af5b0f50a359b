import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// A help center in several languages: `languages:` in fixbook.yml, content in
/// `Content/<language>/`, each language's site in `Output/<language>/`, linked to each other.
@Suite struct LanguagesTests {
    static let english = "Text.\n\n## Solution\n\nDo it.\n"
    static let files: [String: String] = [
        "fixbook.yml": """
        title: 帮助中心
        languages:
          - zh-CN
          - tag: en
            title: Help Center
            description: Fixes for every error
        baseURL: https://help.example.com/

        """,
        "Content/categories.yml": "mail:\n  title: 邮件\n",
        "Content/en/categories.yml": "mail:\n  title: Mail\n",
        "Content/zh-CN/mail/bounce.md": article("title: 退信 550\ncategory: mail\ncodes: [\"550\"]\ntags: [退信]"),
        "Content/en/mail/bounce.md": article(
            "title: Bounce 550\ncategory: mail\ncodes: [\"550\"]\ntags: [bounce]", body: english),
        "Content/zh-CN/mail/only-chinese.md": article("title: 只有中文\ncategory: mail"),
        "Content/zh-CN/mail/timeout.md": article("title: 连接超时\ncategory: mail\ntranslationKey: timeout"),
        "Content/en/mail/connection-timed-out.md": article(
            "title: Connection timed out\ncategory: mail\ntranslationKey: timeout", body: english),
    ]

    /// The switcher's entries as "name → href" ("name (here)" for the current language).
    private func switcher(_ html: String) -> [String] {
        guard let start = html.range(of: "data-language-switcher>"),
            let end = html[start.upperBound...].range(of: "</nav>")
        else { return [] }
        let nav = String(html[start.upperBound..<end.lowerBound])
        return nav.components(separatedBy: "<li>").dropFirst().map { item in
            let name = visibleText(item)
            if item.contains("aria-current") { return name + " (here)" }
            let href = item.firstMatch(of: /href="([^"]*)"/).map { String($0.output.1) } ?? "?"
            return name + " → " + href + (item.contains("data-untranslated") ? " (untranslated)" : "")
        }
    }

    private func hreflangs(_ html: String) -> [String] {
        html.matches(of: /<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">/).map {
            "\($0.output.1) \($0.output.2)"
        }
    }

    @Test func eachLanguageIsASiteInItsFolderLinkedToItsTranslations() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let (report, summary) = try SiteBuilder.build(root: site.root)
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(summary?.articles == 5)
        let chinese = try site.read("Output/zh-cn/articles/bounce.html")
        #expect(chinese.contains("<html lang=\"zh-CN\">"))
        #expect(switcher(chinese) == ["简体中文 (here)", "English → ../../en/articles/bounce.html"])
        let english = try site.read("Output/en/articles/bounce.html")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("<title>Bounce 550 - Help Center</title>"))
        #expect(switcher(english) == ["简体中文 → ../../zh-cn/articles/bounce.html", "English (here)"])
        #expect(
            hreflangs(english) == [
                "zh-CN https://help.example.com/zh-cn/articles/bounce.html",
                "en https://help.example.com/en/articles/bounce.html",
            ])
        #expect(english.contains("<link rel=\"canonical\" href=\"https://help.example.com/en/articles/bounce.html\">"))
        // translationKey ties articles whose paths differ.
        #expect(
            switcher(try site.read("Output/en/articles/connection-timed-out.html")) == [
                "简体中文 → ../../zh-cn/articles/timeout.html", "English (here)",
            ])
        // No translation: that language's home page, said so in that language.
        let alone = try site.read("Output/zh-cn/articles/only-chinese.html")
        #expect(switcher(alone) == ["简体中文 (here)", "English → ../../en/index.html (untranslated)"])
        #expect(alone.contains("title=\"\(UIStrings.english.untranslatedPage)\""))
        #expect(hreflangs(alone) == ["zh-CN https://help.example.com/zh-cn/articles/only-chinese.html"])
        // Pages other than articles: the same page in the other language, when it has it.
        #expect(
            switcher(try site.read("Output/en/codes/550.html")) == [
                "简体中文 → ../../zh-cn/codes/550.html", "English (here)",
            ])
        #expect(
            switcher(try site.read("Output/en/tags/bounce.html")) == [
                "简体中文 → ../../zh-cn/index.html (untranslated)", "English (here)",
            ])
        #expect(switcher(try site.read("Output/en/index.html")) == ["简体中文 → ../zh-cn/index.html", "English (here)"])
        // Interface words and titles per language; the shared categories.yml gives way to en's own.
        let englishHome = visibleText(try site.read("Output/en/index.html"))
        #expect(englishHome.contains("Help Center") && englishHome.contains("Mail") && !englishHome.contains("邮件"))
        #expect(visibleText(try site.read("Output/zh-cn/index.html")).contains("邮件"))
    }

    @Test func theTopChoosesALanguageAndSearchEnginesSeeThemAll() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let chooser = try site.read("Output/index.html")
        #expect(visibleText(chooser).hasSuffix("简体中文 帮助中心 English Help Center Fixes for every error"))
        #expect(chooser.contains("<a href=\"zh-cn/index.html\" hreflang=\"zh-CN\" data-language=\"zh-CN\">"))
        #expect(chooser.contains("<a href=\"en/index.html\" hreflang=\"en\" data-language=\"en\">"))
        #expect(hreflangs(chooser).last == "x-default https://help.example.com/")
        #expect(
            try site.read("Output/robots.txt")
                == "User-agent: *\nAllow: /\nSitemap: https://help.example.com/sitemap.xml\n")
        #expect(!site.exists("Output/en/robots.txt"))
        // The top's 404.html, where a static host looks: the first language's, linking into it.
        let notFound = try site.read("Output/404.html")
        #expect(notFound.contains("<link rel=\"stylesheet\" href=\"zh-cn/assets/style.css\">"))
        #expect(notFound.contains("action=\"zh-cn/search.html\""))
        #expect(switcher(notFound) == ["简体中文 (here)", "English → en/404.html"])
        #expect(visibleText(notFound).contains(UIStrings.chinese.notFoundTitle))
        let index = try site.read("Output/sitemap.xml")
        #expect(index.contains("<loc>https://help.example.com/zh-cn/sitemap.xml</loc>"))
        #expect(index.contains("<loc>https://help.example.com/en/sitemap.xml</loc>"))
        let englishMap = try site.read("Output/en/sitemap.xml")
        #expect(
            englishMap.contains(
                "<loc>https://help.example.com/en/articles/bounce.html</loc>"
                    + "<xhtml:link rel=\"alternate\" hreflang=\"zh-CN\" href=\"https://help.example.com/zh-cn/articles/bounce.html\"/>"
                    + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://help.example.com/en/articles/bounce.html\"/>"
            ))
        #expect(
            englishMap.components(separatedBy: "<url>").count - 1 == englishMap.components(separatedBy: "</url>").count
                - 1)
        #expect(englishMap.components(separatedBy: "<url>").count - 1 > 5)
    }

    @Test func eachLanguageSearchesItsOwnArticles() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let english = try site.read("Output/en/search-index.json")
        #expect(english.contains("Bounce 550") && !english.contains("退信"))
        let chinese = try site.read("Output/zh-cn/search-index.json")
        #expect(chinese.contains("退信") && !chinese.contains("Bounce 550"))
        let center = try HelpCenter.load(root: site.root)
        let engine = SearchEngine(index: SearchIndexBuilder.build(try #require(center.edition("EN")).model))
        #expect(engine.search("timed out").first?.slug == "connection-timed-out")
    }

    @Test func translationsAreCheckedAgainstEachOther() throws {
        var files = Self.files
        files["Content/zh-CN/mail/quota.md"] = article("title: 552\ncategory: mail\ncodes: [\"552\"]")
        files["Content/en/mail/bounce.md"] = article(
            "title: Bounce\ncategory: mail\ncodes: [\"550\", \"554\"]", body: Self.english)
        files["Content/stray.md"] = article("title: 放错了")
        let site = try TemporarySite(files)
        defer { site.remove() }
        let report = try SiteBuilder.check(root: site.root)
        let found = report.diagnostics.map { "\($0.rule) \($0.location.file):\($0.location.line)" }
        #expect(
            found == [
                "translation-codes-differ Content/en/mail/bounce.md:4", "file-skipped Content/stray.md:1",
                "translation-missing Content/zh-CN/mail/quota.md:4",
            ])
        let missing = try #require(report.diagnostics.last)
        #expect(missing.suggestion?.contains("Content/en/mail/quota.md") == true)
        #expect(report.diagnostics[0].message.contains("adds 554"))
    }

    @Test func aSharedDataFileIsReportedOnceAtItsOwnPath() throws {
        var files = Self.files
        files["Content/en/categories.yml"] = nil
        files["Content/categories.yml"] = "mail: [oops\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let report = try SiteBuilder.check(root: site.root)
        let invalid = report.diagnostics.filter { $0.rule == .categoriesInvalid }
        #expect(invalid.map(\.location.file) == ["Content/categories.yml"])
    }

    @Test func languagesAreCheckedInTheConfiguration() throws {
        let (config, diagnostics) = SiteConfig.decode(
            "languages: [zh-CN, \"../x\", en, EN, {name: Deutsch}, {tag: fr, name: Français, colour: blue}]\n",
            path: "fixbook.yml")
        #expect(config.languages.map(\.tag) == ["zh-CN", "en", "fr"])
        #expect(config.languages.map(\.name) == ["简体中文", "English", "Français"])
        #expect(config.languages.map(\.folder) == ["zh-cn", "en", "fr"])
        #expect(
            diagnostics.map { "\($0.rule) \($0.severity)" } == [
                "config-invalid error", "config-invalid error", "config-invalid error", "unknown-key warning",
            ])
        #expect(diagnostics[0].message.contains("'../x' is not a language tag"))
        #expect(diagnostics[1].message.contains("listed twice"))
        #expect(diagnostics[2].message.contains("needs its tag"))
    }

    @Test func aMissingLanguageFolderIsNamed() throws {
        let site = try TemporarySite([
            "fixbook.yml": "languages: [en, de]\n", "Content/en/a.md": article("title: A", body: Self.english),
        ])
        defer { site.remove() }
        #expect(throws: FixbookError.self) { try SiteBuilder.check(root: site.root) }
        do {
            _ = try SiteBuilder.check(root: site.root)
        } catch {
            #expect("\(error)".contains("Content/de/ does not exist"))
        }
    }

    @Test func hostileLanguageNamesAndTitlesAreEscaped() throws {
        var files = Self.files
        files["fixbook.yml"] = """
            languages:
              - tag: zh-CN
                name: "<img src=x onerror=alert(1)>"
              - tag: en
                title: "</title><script>alert(2)</script>"
                description: "\\" onmouseover=\\"alert(3)"

            """
        let site = try TemporarySite(files)
        defer { site.remove() }
        let (report, _) = try SiteBuilder.build(root: site.root)
        #expect(report.errorCount == 0)
        for path in ["Output/index.html", "Output/en/articles/bounce.html", "Output/zh-cn/index.html"] {
            let html = try site.read(path)
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("\" onmouseover=\"alert"), "\(path)")
        }
        #expect(visibleText(try site.read("Output/index.html")).contains("<img src=x onerror=alert(1)>"))
    }

    @Test func initWritesAHelpCenterInSeveralLanguagesThatChecksClean() throws {
        let site = try TemporarySite(KnowledgeBaseScaffold.files(languages: ["zh-CN", "en"]))
        defer { site.remove() }
        let (report, summary) = try SiteBuilder.build(root: site.root)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(summary?.articles == 2)
        #expect(
            switcher(try site.read("Output/en/articles/example-550.html")) == [
                "简体中文 → ../../zh-cn/articles/example-550.html", "English (here)",
            ])
    }
}

/// Dates as each interface language writes them.
@Suite struct LocalizedDateTests {
    @Test func aDateReadsAsItsLanguageWritesIt() {
        #expect(UIStrings.chinese.date("2026-11-14") == "2026年11月14日")
        #expect(UIStrings.english.date("2026-11-04") == "November 4, 2026")
        #expect(UIStrings.english.date("2026-13-04") == "2026-13-04")
        #expect(UIStrings.english.date("soon") == "soon")
    }
}
