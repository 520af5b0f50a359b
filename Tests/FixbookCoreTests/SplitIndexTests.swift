import FixbookTestSupport
import Foundation
import PropertyBased
import Testing

@testable import FixbookCore

/// `fixbook serve` keeps the split search index in memory and rewrites, after an edit, only the
/// files that hold what the edit touched (`SplitIndex`). After every edit of seeded random
/// sequences, its files must be byte for byte those a build writes for the same index
/// (`SearchShards.write` and `search-index.json`), and at least a third of the edits must have been applied in place rather than built whole.
@Suite struct SplitIndexTests {
    /// A help center of 160 articles whose words follow a long-tailed distribution, as real
    /// ones do: a few words in most articles (dense entries), most in a handful.
    private struct Corpus {
        var entries: [SearchIndex.Entry]
        var counter = 0

        static let vocabulary: [String] =
            (0..<2_500).map(Self.word) + ["printing", "printed", "prints", "archive", "archived"]
            + ["收不到邮件", "无法连接服务器", "附件太大", "密码错误", "退信"]

        /// A made-up word of letters only (`wo` and the number in base 26), so that the dictionary
        /// of corrections holds it too.
        static func word(_ number: Int) -> String {
            var letters = ""
            var rest = number
            repeat {
                letters.append(Character(UnicodeScalar(UInt8(97 + rest % 26))))
                rest /= 26
            } while rest > 0
            return "wo" + letters
        }

        init() {
            entries = (0..<160).map { Self.entry($0, seed: $0) }
        }

        /// Article `number` with words picked by `seed`.
        static func entry(_ number: Int, seed: Int, title: String? = nil) -> SearchIndex.Entry {
            var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 7
            func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(state >> 33) % bound
            }
            // Squaring a uniform pick favours the first words: word0 is in nearly every article.
            func word() -> String {
                let pick = next(100_000)
                return vocabulary[pick * pick / 100_000 * vocabulary.count / 100_000]
            }
            let codes =
                next(3) == 0
                ? [SearchIndex.Code(code: "550", key: "550", system: "smtp", message: "Invalid User", url: "a.html#x")]
                : []
            return SearchIndex.Entry(
                id: "a\(number)", slug: "a\(number)", url: "articles/a\(number).html",
                title: title ?? "Article \(number) " + word(),
                summary: (0..<next(6)).map { _ in word() }.joined(separator: " "),
                category: ["mail", "web", nil][next(3)], categoryTitle: nil,
                tags: (0..<next(3)).map { _ in "t\(next(5))" }, symptoms: next(4) == 0 ? [word() + " " + word()] : [],
                updated: nil, headings: [word()], codes: codes,
                text: (0..<(20 + next(400))).map { _ in word() }.joined(separator: " "))
        }

        func index() -> SearchIndex {
            SearchIndex(
                site: .init(title: "Help", language: "en"), articles: entries,
                codes: Dictionary(grouping: entries.filter { !$0.codes.isEmpty }.map(\.id)) { _ in "550" },
                synonyms: [])
        }

        /// Edits one article in a way that `kind` picks (or several, for the last kind).
        mutating func apply(kind: Int, target: Int, value: Int) {
            counter += 1
            let number = target % entries.count
            let fresh = Self.entry(number, seed: 10_000 + counter * 100 + value, title: entries[number].title)
            switch kind {
            case 0: entries[number].text = fresh.text
            case 1: entries[number].text += " " + fresh.summary
            case 2: entries[number].tags = fresh.tags
            case 3: entries[number].codes = fresh.codes
            case 4: entries[number].category = fresh.category
            case 5: entries[number].symptoms = fresh.symptoms
            case 6: entries[number].summary = fresh.summary
            case 7: entries[number].title = "Article \(number) " + fresh.headings[0]  // may sort elsewhere
            default:
                for offset in 0..<3 { entries[(number + offset * 7) % entries.count].text = fresh.text }
            }
        }
    }

    private func build(_ index: SearchIndex) throws -> [String: [UInt8]] {
        let collector = FileCollector()
        _ = try SearchShards.write(index, ui: .english) { try collector.add($0) }
        return collector.files.merging(["search-index.json": SearchIndexBuilder.json(index)]) { _, json in json }
    }

    @Test func editsRewriteWhatABuildWrites() async throws {
        let edit = zip(Gen.int(in: 0...8), Gen.int(in: 0...159), Gen.int(in: 0...99))
        let inPlace = Counter()
        let whole = Counter()
        await propertyCheck(count: 6, input: edit.array(of: 8...20)) { edits in
            do {
                var corpus = Corpus()
                var split = SplitIndex(corpus.index(), ui: .english)
                #expect(split.files == (try build(corpus.index())), "the first build")
                for (step, (kind, target, value)) in edits.enumerated() {
                    corpus.apply(kind: kind, target: target, value: value)
                    let index = corpus.index()
                    if split.update(to: index, ui: .english) {
                        inPlace.add()
                    } else {
                        whole.add()
                        split = SplitIndex(index, ui: .english)
                    }
                    let theirs = try build(index)
                    let differing = Set(split.files.keys).union(theirs.keys).filter { split.files[$0] != theirs[$0] }
                    #expect(differing.isEmpty, "step \(step + 1), edit \(kind): \(differing.sorted().prefix(5)) differ")
                }
            } catch {
                Issue.record("\(error)")
            }
        }
        // Without this the test could pass by building every edit whole. (The sequences are
        // random, so it asks for a share of them, a third, rather than for a number.)
        #expect(inPlace.value * 2 > whole.value, "\(inPlace.value) edits applied in place, \(whole.value) built whole")
    }

    @Test func aWordChangedRewritesTheShardsOfTwoWords() throws {
        var corpus = Corpus()
        let split = SplitIndex(corpus.index(), ui: .english)
        let before = split.files
        // One word for another: the article keeps its length, so only these two words' entries change.
        var words = corpus.entries[42].text.split(separator: " ")
        words[0] = Substring(Corpus.word(2_499))
        corpus.entries[42].text = words.joined(separator: " ")
        #expect(split.update(to: corpus.index(), ui: .english))
        let changed = Set(before.keys).union(split.files.keys).filter { before[$0] != split.files[$0] }
        let shards = before.keys.filter { $0.hasPrefix("assets/search/t/") }.count
        #expect(shards >= 3)
        #expect(before.keys.filter { $0.hasPrefix("assets/search/w/") }.count >= 2)
        #expect(changed.filter { $0.hasPrefix("assets/search/t/") }.count <= 2, "\(changed.sorted())")
        #expect(changed.filter { $0.hasPrefix("assets/search/d/") }.count == 1, "\(changed.sorted())")
        #expect(split.files == (try build(corpus.index())))
    }
}

/// A count several test threads add to.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
