import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// "Did this solve your problem?" and the prefilled "still stuck" message, as the page carries
/// them: what the reader's mail program opens, and what a feedback endpoint receives.
@Suite struct FeedbackAndContactTests {
    private let source = article(
        "title: 收信报错 0x800CCC0F\ncodes:\n  - 0x800CCC0F\n  - code: 550\n    message: Invalid User")

    /// The `href` of the element that carries `marker` in `html` (before or after it).
    private func link(_ marker: String, in html: String) throws -> String {
        let after = try Regex("href=\"([^\"]*)\"[^<>]*\(marker)")
        let before = try Regex("\(marker)[^<>]*href=\"([^\"]*)\"")
        let match = try #require(html.firstMatch(of: after) ?? html.firstMatch(of: before))
        return String(match.output[1].substring ?? "").replacingOccurrences(of: "&amp;", with: "&")
    }

    private func query(_ url: String) throws -> [String: String] {
        let components = try #require(URLComponents(string: url))
        return Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
    }

    @Test func stillStuckOpensAMessageWithTheArticleAndWhatSupportNeeds() throws {
        let site = try TemporarySite([
            "fixbook.yml": "title: T\nlanguage: zh-CN\nsupport: help@example.com\nbaseURL: https://help.example.com\n",
            "Content/a.md": source,
        ])
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let html = try site.read("Output/articles/a.html")
        let mail = try link("data-still-stuck", in: html)
        #expect(mail.hasPrefix("mailto:help@example.com?"))
        let fields = try query(mail)
        #expect(fields["subject"] == "求助：收信报错 0x800CCC0F（0x800CCC0F, 550）")
        let body = try #require(fields["body"])
        #expect(body.hasPrefix("您好，我看了帮助文章《收信报错 0x800CCC0F》（https://help.example.com/articles/a.html），问题仍未解决。"))
        #expect(body.contains("\r\n- 退信原文：请把退信作为附件转发给我们，不要只截图"))
        // without an endpoint, "no" is the same message and "yes" stays on the page
        #expect(try link("data-feedback-answer=\"no\"", in: html) == mail)
        #expect(html.contains("data-feedback-answer=\"yes\" href=\"#feedback-heading\""))
        #expect(!html.contains("data-feedback-endpoint"))
    }

    /// A title that holds a placeholder keeps it: the subject is filled in one pass.
    @Test func placeholdersAreFilledOnce() {
        #expect(
            UIStrings.fill("求助：{title}（{codes}）", ["title": "{codes} {page}", "codes": "550"])
                == "求助：{codes} {page}（550）")
        #expect(UIStrings.fill("{unknown} {title", ["title": "x"]) == "{unknown} {title")
    }

    @Test func theTeamsChecklistReplacesTheDefault() throws {
        let site = try TemporarySite([
            "fixbook.yml": """
            title: T
            language: en
            support:
              email: desk@example.com
              checklist: ["Your customer number:", "<script>alert(1)</script> & more"]
            """,
            "Content/a.md": source,
        ])
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let html = try site.read("Output/articles/a.html")
        #expect(!html.contains("<script>alert(1)"))
        let fields = try query(try link("data-still-stuck", in: html))
        #expect(fields["subject"] == "Help: 收信报错 0x800CCC0F (0x800CCC0F, 550)")
        #expect(
            fields["body"]?.hasSuffix("\r\n\r\n- Your customer number:\r\n- <script>alert(1)</script> & more") == true)
        #expect(html.contains(">desk@example.com</a>"))
    }

    @Test func answersGoToTheConfiguredEndpoint() throws {
        let site = try TemporarySite([
            "fixbook.yml": "title: T\nlanguage: en\nfeedback:\n  url: https://feedback.example.com/fixbook?site=help\n",
            "Content/a.md": source,
        ])
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let html = try site.read("Output/articles/a.html")
        #expect(html.contains("data-feedback-endpoint"))
        let no = try link("data-feedback-answer=\"no\"", in: html)
        #expect(no.hasPrefix("https://feedback.example.com/fixbook?site=help&"))
        #expect(
            try query(no) == [
                "site": "help", "article": "a", "language": "en", "answer": "no", "page": "articles/a.html",
            ])
    }

    @Test(arguments: ["javascript:alert(1)", "ftp://x.example.com", "https://x.example.com/\" onclick=\"alert(1)"])
    func aFeedbackAddressThatIsNotHTTPIsRefusedAtItsLine(_ url: String) {
        let yaml = "title: T\nfeedback:\n  url: '\(url.replacingOccurrences(of: "'", with: "''"))'\n"
        let (config, diagnostics) = SiteConfig.decode(yaml, path: "fixbook.yml")
        #expect(config.feedbackURL == nil)
        #expect(diagnostics.map(\.rule) == [.configInvalid])
        #expect(diagnostics.first?.location.line == 3)
    }
}
