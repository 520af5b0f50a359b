import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// The split search index: its encodings (decoded by search-core.js, whose tests use the same
/// strings) and the files a build writes.
@Suite struct SearchShardsTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func numbersUseFiveBitGroupsLowFirst() {
        var out: [UInt8] = []
        for value in [0, 10, 31, 36, 63] { ShardEncoding.appendNumber(value, to: &out) }
        #expect(text(out) == "0avA1_1")
    }

    @Test func documentListsAreGapsOrBitmapsWhicheverIsShorter() {
        #expect(text(ShardEncoding.documents([0, 10])) == "09")
        #expect(text(ShardEncoding.documents([4])) == "4")
        #expect(text(ShardEncoding.documents([0, 1, 2])) == "~7")
        #expect(text(ShardEncoding.documents((0...30).map { Int32($0) })) == "~_____1")
        // a sparse list far from zero stays as gaps
        #expect(text(ShardEncoding.documents([100_000])).first != "~")
    }

    @Test func everyDistinctTermGetsTheMasksOfAllItsFieldsAndItsBodyCount() {
        // Thousands of distinct tokens make the table grow several times; each appears in the body
        // twice, and some in the title or a tag too.
        let words = (0..<3_000).map { "w\($0)" }
        let body = (words + words).joined(separator: " ") + " 无法连接到服务器"
        let entry = SearchIndex.Entry(
            id: "a", slug: "a", url: "articles/a.html", title: "W7 w2999 无法连接", summary: "", category: nil,
            categoryTitle: nil, tags: ["W42"], symptoms: [], updated: nil, headings: [], codes: [], text: body)
        var expected: [String: UInt8] = [:]
        for (text, field) in [(entry.title, SearchFields.title), (body, SearchFields.body), ("W42", SearchFields.tags)]
        {
            for token in SearchTokenizer.tokenize(text) { expected[token, default: 0] |= field }
        }
        let document = SearchFields.terms(of: entry)
        #expect(document.terms.count == expected.count)
        #expect(
            Dictionary(document.terms.map { ($0.key.text, $0.counts.mask) }, uniquingKeysWith: { _, _ in 0 })
                == expected)
        #expect(document.terms.first { $0.key.text == "w5" }?.counts.body == 2)
        #expect(document.terms.first { $0.key.text == "w2999" }?.counts.body == 2)
        // title: w7, w2999, 无法, 法连, 连接; tag: w42; body: 6,000 words and 7 bigrams
        #expect(document.lengths == [5, 0, 1, 0, 0, 0, 6_007])
        #expect(expected["w7"] == SearchFields.title | SearchFields.body)
        #expect(expected["无法"] == SearchFields.title | SearchFields.body)
        #expect(expected["w42"] == SearchFields.tags | SearchFields.body)
    }

    /// The dictionary holds plain English words and every Chinese bigram under its two
    /// characters swapped (also one beyond U+FFFF), so a prefix finds the words that end with a
    /// character; a lone character, a short word and a number are not in it.
    @Test func chineseBigramsAreInTheDictionarySwapped() {
        let entry = SearchIndex.Entry(
            id: "a", slug: "a", url: "articles/a.html", title: "无法连接 𠮷野 errors", summary: "", category: nil,
            categoryTitle: nil, tags: [], symptoms: [], updated: nil, headings: [], codes: [], text: "ok 错 550 ｶﾅ")
        let words = SearchFields.terms(of: entry, words: true).words.map { [$0.word.text, $0.term.text] }
        #expect(
            words == [["法无", "无法"], ["连法", "法连"], ["接连", "连接"], ["野𠮷", "𠮷野"], ["errors", "error"], ["ナカ", "カナ"]])
        #expect(SearchFields.terms(of: entry).words.isEmpty)
    }

    @Test func aBuildWritesShardsThatHoldTokensCodesAndFilters() throws {
        let site = try TemporarySite([
            "fixbook.yml": "title: T\nlanguage: zh-CN\n",
            "Content/categories.yml": "mail:\n  title: 邮件\n",
            "Content/b.md": article(
                "title: 乙 退信\ncategory: mail\ntags: [outlook]\ncodes:\n  - code: 550\n    message: Invalid User"),
            "Content/a.md": article("title: 甲 constructor\ncategory: mail\ncodes: [550]"),
        ])
        defer { site.remove() }
        _ = try SiteBuilder.build(root: site.root)
        let entry = try site.read("Output/assets/search-index.js")
        // a term no article holds: ln(1 + 2.5 / 0.5)^0.8 = 1.79^0.8 = 1.59
        #expect(entry.hasPrefix("window.FIXBOOK_INDEX = {\"absentIDF\":159,\"documents\":2,"))
        let shards = site.files(under: "Output/assets/search/t")
        #expect(!shards.isEmpty)
        let all = try shards.map { try site.read("Output/assets/search/t/" + $0) }.joined()
        // documents in ranking order (UTF-16): 乙 (b, U+4E59) is 0, 甲 (a, U+7532) is 1
        // per document: its count of messages × 2 (+ 1 if it only quotes the code), their numbers
        #expect(all.contains("\"#550\":[\"00\",[\"Invalid User\"],\"200\"]"))
        #expect(all.contains("\"$c邮件\":[\"00\"]"))
        #expect(all.contains("\"$toutlook\":[\"0\"]"))
        // in the title only: the first posting (0 skipped) has mask 1, written as 1 ^ 64 = 65 ("x2");
        // in one article of two, more than one in eight, so no counts are kept; idf
        // ln(1 + 1.5 / 1.5)^0.8 = 0.69^0.8
        #expect(all.contains("\"constructor\":[\"1\",\"0x2\",\"\",75]"))
        // in the body only: no masks; idf ln(1 + 0.5 / 2.5)^0.8 = 0.18^0.8
        #expect(all.contains("\"正文\":[\"00\",\"\",\"\",26]"))
        #expect(try site.read("Output/assets/search/d/0.js").hasPrefix("FixbookSearchData(\"d/0\",{"))
        #expect(try site.read("Output/assets/search/d/0.js").contains("\"slug\":\"b\""))
    }
}
