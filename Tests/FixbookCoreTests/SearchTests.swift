import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// The Swift tokenizer and ranking agree with search-core.js: same vectors, same search tests.
@Suite struct SearchTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        var input: String
        var tokens: [String]
        var codes: [String]
        var testDescription: String { input }
    }

    static let vectors: [Vector] = {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/search/tokenizer-vectors.json")
        return (try? JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))) ?? []
    }()

    /// The quick path of `normalize` gives exactly what NFKC and lower-casing give, and declines
    /// text it does not know (here: combining marks, compatibility ideographs, ellipsis).
    @Test func quickNormalizationAgreesWithFoundation() {
        let pool = Array("Aa Zz09.,!~ 邮件鿿一、。《》【】‘’“”—　ＡＺａｚ０９，！～".unicodeScalars)
        let others = Array("é\u{301}…豈ﬁ①Ⅻ㎏".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                view.append(pool.randomElement(using: &generator)!)
            }
            if round % 4 == 0 { view.append(others.randomElement(using: &generator)!) }
            let text = String(view)
            let expected = text.precomposedStringWithCompatibilityMapping.lowercased()
            if let quick = SearchTokenizer.quickNormalize(text) {
                #expect(quick == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            } else {
                #expect(round % 4 == 0, "declined \(text)")
            }
            #expect(SearchTokenizer.normalize(text) == expected)
        }
    }

    @Test func utf16OrderOnBytesAgreesWithTheUTF16Views() {
        // Characters from every UTF-8 length, both sides of U+E000, and beyond U+FFFF, where
        // UTF-16 order departs from code point order.
        let pool = Array("aAz0 ~é߿ࠀ一鿿\u{E000}\u{FFFD}\u{FF21}𐀀😀\u{10FFFF}".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        func random() -> String {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                view.append(pool.randomElement(using: &generator)!)
            }
            return String(view)
        }
        for _ in 0..<5000 {
            let (a, b) = (random(), random())
            #expect(SearchTokenizer.utf16Less(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16), "\(a) < \(b)")
        }
        #expect(SearchTokenizer.utf16Less("😀", "\u{FFFD}"))
        #expect(!SearchTokenizer.utf16Less("\u{FFFD}", "😀"))
        #expect(SearchTokenizer.utf16Less("一", "😀"))
    }
    @Test func thereAreSharedVectors() {
        #expect(Self.vectors.count >= 30)
    }

    @Test(arguments: vectors)
    func tokenizerMatchesTheJavaScript(_ vector: Vector) {
        #expect(SearchTokenizer.tokenize(vector.input) == vector.tokens)
        #expect(SearchTokenizer.codeKeys(vector.input) == vector.codes)
    }

    static let fixture: [String: String] = [
        "Content/synonyms.yml": "- [收不到, 无法接收]\n",
        "Content/a.md": article(
            "title: 连接超时 0x800CCC0F\ncodes: [0x800CCC0F]\nsymptoms: [服务器意外终止了连接]",
            body: "网络问题。\n\n## 解决方法\n\n重启客户端。\n"
        ),
        "Content/b.md": article(
            "title: 收不到外域邮件\nsymptoms: [外部邮件无法接收]\ntags: [收信]", body: "检查 MX 记录。\n\n## 解决方法\n\n检查。\n"
        ),
        "Content/c.md": article(
            "title: 退信 550\ncodes:\n  - code: 550\n    message: Invalid User", body: "地址错误。\n\n## 解决方法\n\n核对地址。\n"
        ),
        "Content/d.md": article(
            "title: 被拒收 550\ncodes:\n  - code: 550\n    message: Relaying denied", body: "中继被拒。\n\n## 解决方法\n\n开启验证。\n"
        ),
    ]

    func engine() throws -> SearchEngine {
        let site = try TemporarySite(Self.fixture, withTemplates: false)
        defer { site.remove() }
        let loaded = try SiteLoader.load(root: site.root)
        return SearchEngine(index: SearchIndexBuilder.build(SiteModel(loaded)))
    }

    @Test(arguments: [
        ("0x800cccof", "a"), ("800CCC0F", "a"), ("服务器意外终止", "a"), ("无法接收外域邮件", "b"),
        ("550 Invalid User", "c"), ("550 relaying denied", "d"), ("0x800 CCC 0F", "a"), ("800ccc 0f", "a"),
    ])
    func ranksTheRightArticleFirst(query: String, slug: String) throws {
        let results = try engine().search(query)
        #expect(results.first?.slug == slug, "\(results.map(\.slug))")
    }

    /// A code read off a screen or aloud comes in pieces; together they are one code hit, and
    /// pieces that make no mail client's code stay words.
    @Test func aCodeTypedInPiecesIsOneCodeHit() throws {
        let first = try engine().search("outlook error 0x800 ccc 0f").first
        #expect(first?.slug == "a")
        #expect(first?.matchedCodes == ["0x800CCC0F"])
        #expect(SearchTokenizer.splitCodeKeys(ofTokens: SearchTokenizer.tokenize("0x800 CCC 79")) == ["0x800CCC79"])
        #expect(SearchTokenizer.splitCodeKeys(ofTokens: SearchTokenizer.tokenize("800ccc 0e")) == ["0x800CCC0E"])
        for words in ["be 12 face", "call 0800 123 456", "8 1234 567", "0x800ccc0f 0e", "550 5.7.1 denied"] {
            #expect(SearchTokenizer.splitCodeKeys(ofTokens: SearchTokenizer.tokenize(words)).isEmpty, "\(words)")
        }
    }

    /// A customer types the tail of a mail client's code, the part that tells the codes apart.
    @Test func theTailOfACodeFindsItsArticle() throws {
        #expect(SearchTokenizer.hexCodeTails(ofKey: "0x800CCC0F") == ["cc0f", "ccc0f"])
        #expect(SearchTokenizer.hexCodeTails(ofKey: "0x800CCCCC").isEmpty)
        #expect(SearchTokenizer.hexCodeTails(ofKey: "0x800C0133") == ["0133", "c0133"])
        #expect(SearchTokenizer.hexCodeTails(ofKey: "550").isEmpty)
        #expect(try engine().search("ccc0f").first?.slug == "a")
        #expect(try engine().search("CC0F").first?.slug == "a")
    }

    @Test func codeHitsLinkToTheSolution() throws {
        let first = try engine().search("0x800CCC0F").first
        #expect(first?.url == "articles/a.html#%E8%A7%A3%E5%86%B3%E6%96%B9%E6%B3%95")
        #expect(first?.matchedCodes == ["0x800CCC0F"])
    }

    /// A Chinese word no article holds is searched by those of its characters that no matched
    /// word of the query holds, in the index's words that start or end with them.
    @Test func anUnheldChineseWordFallsBackToItsCharacters() throws {
        let engine = try engine()
        // 件 starts 件无 in b's symptom
        #expect(engine.search("件慢").map(\.slug) == ["b"])
        #expect(engine.answer("件慢").partial == false)
        // with another word that matches too
        #expect(engine.search("外域 件慢").first.map { ($0.slug, $0.missing) } ?? ("", ["?"]) == ("b", []))
        // 题 only ends a word (问题, in a's body)
        #expect(engine.search("意外 难题").first.map { ($0.slug, $0.missing) } ?? ("", ["?"]) == ("a", []))
        // a character of a matched word is not searched again: 外 of 外域 does not find 意外
        #expect(!engine.search("外域 外难").contains { $0.slug == "a" })
        // only the first five words fall back: 件 is the sixth here
        #expect(engine.search("甲乙 丙丁 戊己 庚辛 壬癸 件慢").isEmpty)
    }

    /// The pairs a sentence has across its words (乙丙 of 甲乙丙丁), whose characters matched words
    /// already hold, search nothing and so use up none of the five words that fall back.
    @Test func pairsAcrossWordsUseUpNoFallback() throws {
        let site = try TemporarySite(
            [
                "Content/a.md": article("title: 邮件延迟"),
                "Content/b.md": article("title: 名册", body: "甲乙，丙丁，戊己，庚辛，壬癸，子丑，寅卯。\n"),
            ], withTemplates: false)
        defer { site.remove() }
        let engine = SearchEngine(index: SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root))))
        // six such pairs (乙丙 丁戊 己庚 辛壬 癸子 丑寅) come before 卯迟, whose 迟 (卯 is held) finds 延迟
        #expect(engine.search("甲乙丙丁戊己庚辛壬癸子丑寅卯迟缓").map(\.slug).contains("a"))
    }

    /// A character searched alone weighs what the share of articles holding it in any word says:
    /// 全 is in most articles here (全部), so the one title that holds it in a rare word (安全)
    /// does not outrank an article that holds the query's real word, even in its body.
    @Test func aCharacterMostArticlesHoldWeighsLittle() throws {
        var files = [
            "Content/a.md": article("title: 收信很慢", body: "邮件到得晚。\n"),
            "Content/b.md": article("title: 安全密码验证失败"),
        ]
        for number in 0..<8 { files["Content/c\(number).md"] = article("title: 第\(number)篇", body: "全部设置。\n") }
        let site = try TemporarySite(files, withTemplates: false)
        defer { site.remove() }
        let engine = SearchEngine(index: SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root))))
        // 邮件 matches a's body; 件全 matches nothing, and its 全 is searched alone
        #expect(engine.search("邮件全").first?.slug == "a")
    }

    /// In a Chinese help center, a word common in all Chinese (公司) weighs as a stop word: in the
    /// title, it no longer outranks the query's telling word (乱码) in a symptom. Elsewhere the
    /// list is not carried.
    @Test func commonChineseWordsWeighLittleInAChineseHelpCenter() throws {
        func firstResult(language: String) throws -> String? {
            let site = try TemporarySite(
                [
                    "fixbook.yml": "title: 帮助中心\nlanguage: \(language)\n",
                    "Content/a.md": article("title: 公司通知"),
                    "Content/b.md": article("title: 显示问题\nsymptoms: [邮件乱码]"),
                    "Content/c.md": article("title: 其他"),
                ], withTemplates: false)
            defer { site.remove() }
            let index = SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root)))
            #expect(index.ranking.stopWords.contains("公司") == language.hasPrefix("zh"))
            return SearchEngine(index: index).search("公司 乱码").first?.slug
        }
        #expect(try firstResult(language: "zh-CN") == "b")
        #expect(try firstResult(language: "en") == "a")
    }

    /// A Chinese word typed by sound with the wrong character (按装 for 安装, from the pinyin
    /// `anzhuang`) is searched as the word of the same sounds, shown as a correction; only in a
    /// Chinese help center, never as typed when asked, and a pair across the corrected word
    /// (装客 of 按装客户端) is neither corrected nor listed as missing.
    @Test func aChineseWordTypedBySoundIsCorrected() throws {
        func answers(language: String) throws -> [SearchEngine.Answer] {
            let site = try TemporarySite(
                [
                    "fixbook.yml": "title: 帮助中心\nlanguage: \(language)\n",
                    "Content/a.md": article("title: 如何安装客户端"),
                    "Content/b.md": article("title: 登录网页邮箱后一直弹窗"),
                    "Content/c.md": article("title: 客户端设置"),
                ], withTemplates: false)
            defer { site.remove() }
            let engine = SearchEngine(index: SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root))))
            return ["按装", "登陆 按装客户端", "谈窗"].map { engine.answer($0) } + [engine.answer("按装", correcting: false)]
        }
        let chinese = try answers(language: "zh-CN")
        #expect(chinese[0].results.map(\.slug) == ["a"])
        #expect(chinese[0].corrections == [SearchEngine.Correction(typed: "按装", corrected: "安装")])
        #expect(chinese[3].corrections.isEmpty)
        // as typed, 装 alone (the character fallback) finds it
        #expect(chinese[3].results.map(\.slug) == ["a"])
        // 谈 (tan) sounds like 弹 read as in 弹窗, not as in 子弹 (dan)
        #expect(chinese[2].corrections == [SearchEngine.Correction(typed: "谈窗", corrected: "弹窗")])
        #expect(
            chinese[1].corrections == [
                SearchEngine.Correction(typed: "登陆", corrected: "登录"),
                SearchEngine.Correction(typed: "按装", corrected: "安装"),
            ])
        // what a result lacks, as typed, as for a misspelled English word
        #expect(chinese[1].results.first { $0.slug == "c" }?.missing == ["登陆", "按装"])
        let english = try answers(language: "en")
        let corrected = english.flatMap(\.corrections)
        #expect(corrected.isEmpty)
    }

    /// The search of a Chinese help center of `files`.
    static func chineseEngine(_ files: [String: String]) throws -> SearchEngine {
        let site = try TemporarySite(
            files.merging(["fixbook.yml": "language: zh-CN\n"]) { own, _ in own }, withTemplates: false)
        defer { site.remove() }
        return SearchEngine(index: SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root))))
    }

    /// A pair across two words is no typo, and no correction: 标邮 of 投标邮件 sounds like 标右 of
    /// 目标右边 but 标右 is no word (and the 邮 of 邮件, which matched, is not changed); nor is 读不.
    /// A word can be corrected into, though, even from a function character (乱吗 → 乱码).
    @Test func aPairAcrossWordsIsNotCorrectedBySound() throws {
        let engine = try Self.chineseEngine([
            "Content/a.md": article("title: 邮件的目标右边", body: "读不出来。帐户暂时冻结。时冻。乱码。\n")
        ])
        #expect(engine.answer("投标邮件").corrections.isEmpty)
        #expect(engine.answer("全都不出来").corrections.isEmpty)
        #expect(engine.answer("目表").corrections == [SearchEngine.Correction(typed: "目表", corrected: "目标")])
        // 时冻 is in the article (as the pair across 暂时冻结, and alone); 动结 is corrected, not 时动
        #expect(engine.answer("暂时动结").corrections == [SearchEngine.Correction(typed: "动结", corrected: "冻结")])
        #expect(engine.answer("邮件乱吗").corrections == [SearchEngine.Correction(typed: "乱吗", corrected: "乱码")])
        // five pairs are looked up at most: 目表 is the sixth
        #expect(engine.answer("猫狗 鸟鱼 虫蛇 牛羊 马驴 目表").corrections.isEmpty)
        #expect(engine.answer("猫狗 鸟鱼 虫蛇 牛羊 目表").corrections.map(\.corrected) == ["目标"])
        func isWord(_ pair: String) -> Bool {
            let values = pair.unicodeScalars.map(\.value)
            return ChineseHomophones.isWord(values[0], values[1])
        }
        #expect(isWord("安装") && isWord("弹窗") && !isWord("标右") && !isWord("人不"))
    }

    /// A pair that Chinese commonly writes is no typo of a word of the same sounds (老伴 of 老板),
    /// unless that one is a term of the trade that Chinese writes three times less (外遇 → 外域, 登陆 →
    /// 登录); a stop word never is (他们 of 它们); nor is a pair whose changed character makes a
    /// common word with the one on its other side (于十 of 关于十二月 sounds like 于是: 十 is of 十二).
    @Test func aCommonChineseWordIsNoTypo() throws {
        let engine = try Self.chineseEngine([
            "Content/a.md": article("title: 老板发来的信", body: "它们于是都到了。\n"),
            "Content/b.md": article("title: 收不到外域邮件", body: "外域的信。\n"),
        ])
        #expect(engine.answer("老伴写的信").corrections.isEmpty)
        #expect(engine.answer("他们写的信").corrections.isEmpty)
        #expect(engine.answer("外遇邮件").corrections == [SearchEngine.Correction(typed: "外遇", corrected: "外域")])
        #expect(engine.answer("关于十二月的信").corrections.isEmpty)
        // the same changed character with no word on its other side is corrected (于十 → 于是)
        #expect(engine.answer("关于十").corrections == [SearchEngine.Correction(typed: "于十", corrected: "于是")])
        #expect(ChineseWords.count(of: "老伴") > 0 && ChineseWords.count(of: "外域") * 3 <= ChineseWords.count(of: "外遇"))
        #expect(ChineseWords.count(of: "十二") > 0 && ChineseWords.count(of: "于十") == 0)
        #expect(ChineseWords.runs.firstKeys.first == ChineseWords.sorted.first?.word)
    }

    @Test func everyCommonCharacterHasOneOrTwoSounds() {
        let characters = ChineseHomophones.groups.flatMap(\.unicodeScalars)
        #expect(Set(characters).count == 3755)
        func keys(_ pair: String) -> Set<String> { Set(ChineseHomophones.soundKeys(ofPair: pair)) }
        #expect(keys("按装") == keys("安装"))
        #expect(keys("登陆") == keys("登录"))
        #expect(keys("安装").isDisjoint(with: keys("安全")))
        // 弹 is dan (子弹) and tan (弹窗); 谈 is tan only
        #expect(keys("弹窗").count == 2)
        #expect(keys("谈窗").isSubset(of: keys("弹窗")))
        #expect(keys("安").isEmpty)
        #expect(keys("a安").isEmpty)
    }

    @Test func theCommonChineseWordsAreTwoCharacterWordsOnce() {
        let words = ChineseCommonWords.words
        #expect(words.count == 500)
        #expect(Set(words).count == words.count)
        #expect(
            words.allSatisfy { $0.unicodeScalars.count == 2 && $0.unicodeScalars.allSatisfy(SearchTokenizer.isCJK) })
        // and the quantities of one that are not common words already (一封, 一张…), each once
        let zh = SearchRanking(language: "zh-Hant-TW").stopWords
        #expect(zh.contains("一封") && zh.contains("一次") && !zh.contains("两封"))
        #expect(Set(zh).count == zh.count)
        #expect(SearchRanking(language: "en-GB") == SearchRanking.standard)
        #expect(SearchRanking(language: "zh_CN").homophones && SearchRanking(language: "zh-Hans").homophones)
        #expect(!SearchRanking(language: "zh-Hant-TW").homophones && !SearchRanking(language: "zh-HK").homophones)
        #expect(SearchRanking(language: "zh_CN") == SearchRanking(language: "zh-CN"))
    }

    /// The last word, while it is typed, finds the words it starts in proportion to how much of
    /// each was typed: `mai` is most of `mail` and little of the rarer `maintenance`, whose higher
    /// rarity would otherwise put it first; the same query finished with a space finds neither.
    @Test func aWordBeingTypedWeighsByTheShareTyped() throws {
        var files = [
            "fixbook.yml": "title: Help\nlanguage: en\n",
            "Content/a.md": article("title: Mail"),
            "Content/b.md": article("title: Maintenance"),
        ]
        for number in 0..<8 {
            files["Content/c\(number).md"] = article(
                "title: Other \(number)", body: number < 1 ? "Some mail.\n" : "Nothing here.\n")
        }
        let site = try TemporarySite(files, withTemplates: false)
        defer { site.remove() }
        let engine = SearchEngine(index: SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root))))
        #expect(engine.search("mai").prefix(2).map(\.slug) == ["a", "b"])
        #expect(engine.search("mai ").isEmpty)
    }

    /// A result lists what it lacks as the customer typed it: not the pairs a Chinese sentence has
    /// across its words (件怎, 么识), but the run of characters it lacks, less those of the words it
    /// matches at the run's ends.
    @Test func aResultLacksTheChineseWordsNotThePairsAcrossThem() throws {
        let site = try TemporarySite(
            [
                "Content/a.md": article("title: 邮件设置", body: "怎么设置邮件。\n"),
                "Content/b.md": article("title: 其他"),
            ], withTemplates: false)
        defer { site.remove() }
        let engine = SearchEngine(index: SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root))))
        let answer = engine.answer("邮件怎么识别")
        #expect(answer.results.map(\.slug) == ["a"])
        #expect(answer.results.first?.missing == ["识别"])
        #expect(answer.partial)
        // every word held, only pairs across them lacking: a complete match
        let whole = engine.answer("设置邮件怎么")
        #expect(whole.results.first.map { ($0.slug, $0.missing) } ?? ("", ["?"]) == ("a", []))
        #expect(!whole.partial)
        // a word typed on its own is not a pair across words, even when it shares a character
        #expect(engine.answer("邮件 件数").results.first?.missing == ["件数"])
        #expect(engine.answer("设置 置数 邮件").results.first?.missing == ["置数"])
    }

    @Test func nonsenseFindsNothing() throws {
        #expect(try engine().search("zzqqxx wwvvkk").isEmpty)
    }
}

@Suite struct SearchIndexJSONTests {
    /// The hand-written JSON is byte for byte what JSONEncoder gives with sorted keys.
    @Test func matchesJSONEncoder() throws {
        let site = try TemporarySite(
            [
                "Content/synonyms.yml": "- [登录, 登陆]\n- [a, \"b/c\"]\n",
                "Content/categories.yml": "m: \"邮件 \\\"quoted\\\"\"\n",
                "Content/a.md": article(
                    "title: \"Tab\\tquote\\\" back\\\\slash \\u0001 / \u{2028}\"\ncategory: m\nupdated: 2026-01-02\ncodes:\n  - 0x800CCC0F\n  - code: 550\n    message: Invalid User\n  - 错误 代码\nsymptoms: [\"x\\ny\"]\ntags: [z, 标签]",
                    body: "Body </script> & \"q\"\n\n## 解决方法\n\n步骤\n"
                ),
                "Content/b.md": article("title: plain"),
            ], withTemplates: false)
        defer { site.remove() }
        let loaded = try SiteLoader.load(root: site.root)
        let index = SearchIndexBuilder.build(SiteModel(loaded))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(index), as: UTF8.self)
        #expect(String(decoding: SearchIndexBuilder.json(index), as: UTF8.self) == expected + "\n")
    }
}
