import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// The Swift stemmer agrees with Snowball and with search-stemmer.js: both check every pair of
/// `Tests/Fixtures/search/stemmer-vectors.json`, made by `scripts/stemmer-vectors.py` with the
/// Snowball project's Python port.
@Suite struct EnglishStemmerTests {
    struct Vectors: Decodable {
        var algorithm: String
        var generator: String
        var words: [[String]]
    }

    static let vectors: Vectors? = {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/search/stemmer-vectors.json")
        return try? JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }()

    @Test func thereAreSharedVectors() throws {
        let vectors = try #require(Self.vectors)
        #expect(vectors.algorithm == "snowball english (Porter2)")
        #expect(vectors.words.count >= 2500)
        #expect(vectors.words.allSatisfy { $0.count == 2 })
        #expect(Set(vectors.words.map { $0[0] }).count == vectors.words.count)
    }

    /// One expectation over all the pairs: thousands of test cases would bury a failure.
    @Test func everyVector() throws {
        let vectors = try #require(Self.vectors)
        var failures: [String] = []
        for pair in vectors.words where pair.count == 2 {
            let stem = EnglishStemmer.stem(pair[0])
            if stem != pair[1] { failures.append("\(pair[0]): expected \(pair[1]), got \(stem)") }
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(20).joined(separator: "; "))")
    }

    /// The byte-level entry points give what the `String` one gives, with the output buffer reused
    /// from word to word as the tokenizer reuses it.
    @Test func bytesAgreeWithStrings() throws {
        let vectors = try #require(Self.vectors)
        var out: [UInt8] = []
        var failures: [String] = []
        for pair in vectors.words where pair.count == 2 {
            let expected = EnglishStemmer.stem(pair[0])
            var bytes = Array(pair[0].utf8)
            bytes.withUnsafeBufferPointer { EnglishStemmer.stem($0, into: &out) }
            let length = bytes.withUnsafeMutableBufferPointer { EnglishStemmer.stem(inPlace: $0) }
            let fromBytes = String(decoding: out, as: UTF8.self)
            let inPlace = String(decoding: bytes[..<length], as: UTF8.self)
            if fromBytes != expected || inPlace != expected {
                failures.append("\(pair[0]): \(expected), bytes \(fromBytes), in place \(inPlace)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(20).joined(separator: "; "))")
    }

    @Test func rulesAndExceptions() {
        let cases = [
            "printing": "print", "archived": "archiv", "archive": "archiv", "syncing": "sync",
            "generously": "generous", "skis": "ski", "skies": "sky", "dying": "die", "news": "news", "sky": "sky",
            "inning": "inning", "proceed": "proceed", "hoping": "hope", "hopping": "hop", "yelling": "yell",
            "cry": "cri", "by": "by", "boy's": "boy", "communication": "communic",
        ]
        for (word, stem) in cases {
            #expect(EnglishStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func otherWordsComeBackUnchanged() {
        for word in ["Printing", "v1.2", "café", "0x800ccc0f", "", "a", "printing "] {
            #expect(EnglishStemmer.stem(word) == word)
        }
    }
}
