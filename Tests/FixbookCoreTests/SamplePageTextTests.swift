import FixbookCore
import FixbookTestSupport
import Foundation
import SnapshotTesting
import Testing

/// What a reader sees on the sample site's pages: each page type's visible text holds the values
/// its view was built from (a valid page that says "name" instead of a tag is still broken), and
/// one page of each type is kept as a reviewed snapshot of its text.
@Suite(.serialized) struct SamplePageTextTests {
    /// The sample is a help center in Chinese and English: every check runs on each language.
    static let center = try! HelpCenter.load(root: repositoryRoot)
    static let languages = Array(center.editions.indices)
    var output: URL { SampleSiteTests.built.output }

    /// A page of the language whose output folder is `prefix` (`en/`).
    private func page(_ prefix: String, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(prefix + path), encoding: .utf8)
    }

    @Test(arguments: languages) func everyArticlePageShowsItsFrontMatter(language: Int) throws {
        let edition = Self.center.editions[language]
        let (kb, prefix) = (edition.model.knowledgeBase, edition.outputPrefix)
        #expect(kb.articles.count >= 19)
        for article in kb.articles {
            let html = try page(prefix, article.outputPath)
            let text = visibleText(html)
            let metadata = article.metadata
            var expected = [article.title] + metadata.symptoms + metadata.tags
            expected += metadata.codes.flatMap { [$0.code.written] + ($0.message.map { [$0] } ?? []) }
            if let summary = metadata.summary { expected.append(summary) }
            // the date as the page's language writes it (2026年11月14日, November 14, 2026)
            if let updated = metadata.updated { expected.append(edition.model.ui.date(updated)) }
            if let key = metadata.category, let title = kb.category(key: key)?.title { expected.append(title) }
            for value in expected {
                #expect(text.contains(value), "\(article.outputPath) does not show '\(value)'")
            }
            // The footer's chips are exactly the tags, each written as the author wrote it.
            let chips = elementTexts(html, tag: "a", class: "chip")
            let tagChips = html.matches(of: #/<a class="chip" href="[^"]*">([^<]*)</a>/#).map {
                decodeCharacterReferences(String($0.output.1))
            }
            #expect(tagChips == metadata.tags, "\(article.outputPath): tag chips \(tagChips)")
            #expect(chips.count == tagChips.count + metadata.codes.count)
            let codeChips = elementTexts(html, tag: "a", class: "chip-code")
            #expect(codeChips == metadata.codes.map(\.code.written), "\(article.outputPath): code chips \(codeChips)")
        }
    }

    @Test(arguments: languages) func tagAndCategoryIndexesNameEachTerm(language: Int) throws {
        let edition = Self.center.editions[language]
        let (kb, prefix) = (edition.model.knowledgeBase, edition.outputPrefix)
        let tags = Set(kb.articles.flatMap(\.metadata.tags))
        let tagIndex = try page(prefix, "tags/index.html")
        let listedTags = try termNames(tagIndex)
        #expect(Set(listedTags) == tags, "tags/index.html lists \(listedTags)")
        #expect(!listedTags.contains("name"))

        let categoryIndex = try page(prefix, "categories/index.html")
        let listedCategories = try termNames(categoryIndex)
        #expect(listedCategories == kb.categories.map(\.title), "categories/index.html lists \(listedCategories)")

        // Each tag's page is titled with the tag and lists every article that carries it.
        for link in hrefs(in: tagIndex, class: "term-list") {
            let tagPage = try page(prefix, "tags/" + (link.removingPercentEncoding ?? link))
            let title = heading(tagPage)
            let carriers = kb.articles.filter { $0.metadata.tags.contains(title) }
            #expect(!carriers.isEmpty, "tags/\(link) has title \(title)")
            let text = visibleText(tagPage)
            for article in carriers { #expect(text.contains(article.title), "tags/\(link) lacks \(article.title)") }
        }
    }

    @Test(arguments: languages) func categoryPagesAndHomeListTheirArticles(language: Int) throws {
        let edition = Self.center.editions[language]
        let (kb, prefix) = (edition.model.knowledgeBase, edition.outputPrefix)
        let home = visibleText(try page(prefix, "index.html"))
        #expect(home.contains(kb.config.title))
        for category in kb.categories {
            #expect(home.contains(category.title))
            let members = kb.articles.filter { $0.metadata.category == category.key }
            let listing = visibleText(try page(prefix, "categories/\(category.key).html"))
            #expect(listing.contains(category.title) && listing.contains(category.description))
            for article in members {
                #expect(listing.contains(article.title), "categories/\(category.key).html lacks \(article.title)")
            }
        }
    }

    @Test(arguments: languages) func codePagesNameTheCodeAndEveryArticleThatSolvesIt(language: Int) throws {
        let edition = Self.center.editions[language]
        let (kb, prefix) = (edition.model.knowledgeBase, edition.outputPrefix)
        let index = visibleText(try page(prefix, "codes/index.html"))
        // numbers in a code read as numbers: 5.1.8 before 5.1.10, on the code index and the home page
        let home = visibleText(try page(prefix, "index.html"))
        for text in [index, home] {
            let (eight, ten) = (text.range(of: "5.1.8"), text.range(of: "5.1.10"))
            #expect(eight != nil && ten != nil && eight!.lowerBound < ten!.lowerBound)
        }
        // the groups are headed in the edition's language: no English words on a Chinese page
        if UIStrings.isChinese(kb.config.language) {
            #expect(index.contains("SMTP 增强状态码") && index.contains("套接字错误"))
            #expect(!index.contains("enhanced status") && !index.contains("Socket"))
        }
        for key in kb.codeKeys {
            #expect(index.contains(key), "codes/index.html lacks \(key)")
            let claimants = kb.byCodeKey[key, default: []].map { kb.articles[$0] }
            let code = claimants[0].metadata.codes.first { $0.code.key == key }!.code
            let text = visibleText(try page(prefix, SiteURLs.code(code).removingPercentEncoding!))
            #expect(text.contains(key))
            for article in claimants {
                #expect(text.contains(article.title), "\(key)'s page lacks \(article.title)")
                for use in article.metadata.codes where use.code.key == key {
                    if let message = use.message { #expect(text.contains(message)) }
                }
            }
        }
    }

    /// No element that shows a value is left empty, and no template tag leaks into a page.
    @Test func noPageShowsAnEmptyValueOrATemplateTag() throws {
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)!
        let empty = try NSRegularExpression(
            pattern: "<(a|h1|h2|li|time|q|span class=\"chip[^\"]*\"|span class=\"count\")\\b[^>]*>\\s*</", options: [])
        var pages = 0
        for case let url as URL in enumerator where url.pathExtension == "html" {
            let html = try String(contentsOf: url, encoding: .utf8)
            pages += 1
            let range = NSRange(html.startIndex..., in: html)
            let match = empty.firstMatch(in: html, range: range).flatMap { Range($0.range, in: html) }
            #expect(match == nil, "\(url.lastPathComponent) has an empty \(match.map { String(html[$0]) } ?? "")")
            #expect(!html.contains("{{"), "\(url.lastPathComponent) shows a template tag")
        }
        #expect(pages > 50)
    }

    /// One page of each type, as its visible text: a change in what a reader sees shows up in review.
    @Test func snapshotsOfOnePageOfEachType() throws {
        let pages = [
            "home": "index.html",
            "article": "articles/outlook-0x800ccc79-recipient-rejected.html",
            "category": "categories/bounces.html",
            "categories": "categories/index.html",
            "tags": "tags/index.html",
            "tag": "tags/outlook.html",
            "codes": "codes/index.html",
            "code": "codes/550.html",
            "search": "search.html",
            "not-found": "404.html",
        ]
        for (name, path) in pages.sorted(by: { $0.key < $1.key }) {
            let text = visibleLines(try page("zh-cn/", path))
            assertSnapshot(of: text, as: .lines, named: name, record: snapshotRecording)
        }
        // The English edition's article, and the chooser at the top that leads to both.
        let english = visibleLines(try page("en/", "articles/outlook-0x800ccc79-recipient-rejected.html"))
        assertSnapshot(of: english, as: .lines, named: "article-en", record: snapshotRecording)
        assertSnapshot(
            of: visibleLines(try page("", "index.html")), as: .lines, named: "languages", record: snapshotRecording)
    }

    private func termNames(_ html: String) throws -> [String] { termEntries(html).map(\.name) }

    /// The text of the page's `<h1>`.
    private func heading(_ html: String) -> String {
        guard let start = html.range(of: "<h1"), let open = html[start.upperBound...].firstIndex(of: ">"),
            let end = html[open...].range(of: "</h1>")
        else { return "" }
        return visibleText(String(html[html.index(after: open)..<end.lowerBound]))
    }

    /// The `term-list` entries of a tag or category index: the link text of each item.
    private func termEntries(_ html: String) -> [(name: String, href: String)] {
        guard let list = html.range(of: "<ul class=\"term-list\">"),
            let end = html[list.upperBound...].range(of: "</ul>")
        else { return [] }
        let body = String(html[list.upperBound..<end.lowerBound])
        let expression = try! NSRegularExpression(pattern: "<a href=\"([^\"]*)\">(.*?)</a>", options: [])
        return expression.matches(in: body, range: NSRange(body.startIndex..., in: body)).map { match in
            (
                visibleText(String(body[Range(match.range(at: 2), in: body)!])),
                String(body[Range(match.range(at: 1), in: body)!])
            )
        }
    }

    private func hrefs(in html: String, class: String) -> [String] { termEntries(html).map(\.href) }
}

/// Snapshots are recorded only when asked (`FIXBOOK_RECORD_SNAPSHOTS=1 swift test`); a missing or
/// changed one fails the test otherwise, so CI never writes them.
let snapshotRecording: SnapshotTestingConfiguration.Record =
    ProcessInfo.processInfo.environment["FIXBOOK_RECORD_SNAPSHOTS"] == "1" ? .all : .never
