import FixbookCore
import FixbookTestSupport
import Foundation
import Testing

/// A team adopting Fixbook with existing content: rule levels, foreign front matter, categories
/// as written, and a DocFX-style export that builds with a short configuration.
@Suite struct AdoptionTests {
    private func check(_ files: [String: String]) throws -> ValidationReport {
        let site = try TemporarySite(files, withTemplates: false)
        defer { site.remove() }
        return try SiteBuilder.check(root: site.root, options: .init(today: "2026-11-29"))
    }

    private func found(_ report: ValidationReport) -> [String] {
        report.diagnostics.map { "\($0.severity.rawValue) \($0.rule) \($0.location.file):\($0.location.line)" }.sorted()
    }

    @Test func aLoweredRuleBuildsAndMarksTheLinkForTheReader() throws {
        let site = try TemporarySite([
            "fixbook.yml": "language: en\nrules:\n  broken-link: warning\n  root-absolute-link: off\n",
            "Content/a.md": article("title: A", body: "See [B](gone.md) and [C](/elsewhere).\n\n## Solution\n\nx\n"),
        ])
        defer { site.remove() }
        let (report, summary) = try SiteBuilder.build(root: site.root)
        #expect(found(report) == ["warning broken-link Content/a.md:4"])
        #expect(summary != nil)
        let page = try site.read("Output/articles/a.html")
        #expect(
            page.contains(##"<a href="#missing-article" title="This article is not part of this help center">B</a>"##))
        #expect(!page.contains("gone.md"))
    }

    @Test func rulesCanBeRaisedAndSilenced() throws {
        let report = try check([
            "fixbook.yml": "rules:\n  unknown-key: error\n  stale-article: off\nstaleAfterDays: 30\n",
            "Content/a.md": article("title: A\ntag: [x]\nupdated: 2020-01-01"),
        ])
        #expect(found(report) == ["error unknown-key Content/a.md:3"])
    }

    @Test func unknownRulesLevelsAndLockedRulesAreConfigErrors() throws {
        let report = try check([
            "fixbook.yml": "rules:\n  broken-links: warning\n  missing-image: maybe\n  code-without-solution: off\n"
                + "  malformed-code: warning\n  unknown-key: error\n",
            "Content/a.md": article("title: A\ncodes: [550]", body: "## 原因\n\nx\n"),
        ])
        #expect(
            found(report) == [
                "error code-without-solution Content/a.md:3", "error config-invalid fixbook.yml:2",
                "error config-invalid fixbook.yml:3", "error config-invalid fixbook.yml:4",
                "error config-invalid fixbook.yml:5",
            ])
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("no rule 'broken-links'; did you mean 'broken-link'?") })
        #expect(
            messages.contains { $0.contains("'maybe' is not a level for missing-image; use error, warning or off") })
        #expect(messages.contains { $0.contains("code-without-solution cannot be set to off: it guards") })
    }

    @Test func foreignFrontMatterIsIgnoredOrReadAsFixbooks() throws {
        let site = try TemporarySite([
            "fixbook.yml": "language: en\nignoreKeys: [\"ms.*\", author]\nkeyAliases: {description: summary}\n",
            "Content/a.md": article(
                "title: A\ndescription: What it fixes.\nms.author: x\nms.date: 01/02/2024\nauthor: y\nowner: z"),
        ])
        defer { site.remove() }
        let (report, _) = try SiteBuilder.build(root: site.root)
        #expect(found(report) == ["warning unknown-key Content/a.md:7"])
        #expect(visibleText(try site.read("Output/articles/a.html")).contains("What it fixes."))
    }

    @Test func keyAliasesMustNameFixbooksKeys() throws {
        let report = try check([
            "fixbook.yml": "keyAliases:\n  description: summery\n", "Content/a.md": article("title: A"),
        ])
        #expect(found(report) == ["error config-invalid fixbook.yml:2"])
    }

    @Test func categoriesAsWrittenWithoutACategoriesFile() throws {
        let site = try TemporarySite([
            "Content/a.md": article("title: A\ncategory: 客户端错误"),
            "Content/b.md": article("title: B\ncategory: Client Errors"),
            "Content/c.md": article("title: C\ncategory: client-errors"),
        ])
        defer { site.remove() }
        let (report, summary) = try SiteBuilder.build(root: site.root)
        #expect(report.diagnostics.isEmpty && summary != nil, "\(report.diagnostics)")
        let chinese = try site.read("Output/categories/客户端错误.html")
        #expect(visibleText(chinese).contains("客户端错误") && visibleText(chinese).contains("A"))
        // Spellings that differ in case and punctuation are one category, titled as first written.
        let english = visibleText(try site.read("Output/categories/client-errors.html"))
        #expect(english.contains("Client Errors") && english.contains(" B ") && english.contains(" C "))
        let article = try site.read("Output/articles/a.html")
        #expect(article.contains(#"href="../categories/%E5%AE%A2%E6%88%B7%E7%AB%AF%E9%94%99%E8%AF%AF.html">客户端错误</a>"#))
    }

    /// Articles in the style of a DocFX/Microsoft Learn export (foreign keys, links and images out
    /// of the subset, DocFX extensions) build with an eight-line fixbook.yml and no edits, and
    /// search finds codes that appear only in their titles and text.
    @Test func aDocFXExportBuildsWithAShortConfiguration() throws {
        let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/docfx-export")
        let config = try String(contentsOf: fixture.appendingPathComponent("fixbook.yml"), encoding: .utf8)
        #expect(config.split(separator: "\n").count <= 10)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fixbook-docfx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let (report, summary) = try SiteBuilder.build(root: fixture, options: .init(output: output.path))
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(summary?.articles == 5)
        #expect(Set(report.diagnostics.map(\.rule)).isSubset(of: [.brokenLink, .missingImage]))
        let engine = SearchEngine(index: SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: fixture))))
        let expectations = [
            "550 5.7.1": "fix-error-code-550-5-7-1", "0x8004010F": "error-0x8004010f", "0x8004010f": "error-0x8004010f",
            "5.1.10": "fix-error-code-5-1-10", "0x800ccc0e": "error-0x800ccc0e", "outbox": "emails-stuck-in-outbox",
        ]
        for (query, slug) in expectations {
            #expect(engine.search(query).first?.slug == slug, "\(query): \(engine.search(query).prefix(3).map(\.slug))")
        }
    }
}
