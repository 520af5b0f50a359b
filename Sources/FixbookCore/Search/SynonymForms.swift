/// A synonym of plain English words is found in a query in any form of its words, as the articles'
/// words are: `alerts` for alert, `redownloaded` for redownload, `bounces back` for bounce back.
/// An editor lists a word once in `synonyms.yml`, not every ending a customer may type. Mirrored
/// by `synonymForms` in `Templates/assets/search-core.js`.
struct SynonymForms: Sendable {
    private struct Synonym: Sendable {
        var group: Int
        var word: String
        var stems: [String]
    }

    /// The synonyms made of a–z words between single spaces, by the stem of their first word.
    private let byFirstStem: [String: [Synonym]]

    init(groups: [[String]]) {
        var byFirstStem: [String: [Synonym]] = [:]
        for (group, words) in groups.enumerated() {
            for word in words {
                let parts = word.split(separator: " ", omittingEmptySubsequences: false)
                guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(Self.isLetter) }) else { continue }
                let stems = parts.map { EnglishStemmer.stem(String($0)) }
                byFirstStem[stems[0], default: []].append(Synonym(group: group, word: word, stems: stems))
            }
        }
        self.byFirstStem = byFirstStem
    }

    /// Where a synonym occurs in the normalized query `scalars` as words of the same stems, one
    /// space apart: each whole word a run of a–z that no other word character or apostrophe
    /// touches (`don` of don't is no word here).
    func occurrences(in scalars: [Unicode.Scalar]) -> [(start: Int, end: Int, group: Int, word: String)] {
        guard !byFirstStem.isEmpty else { return [] }
        var words: [(start: Int, end: Int, stem: String)] = []
        var index = 0
        while index < scalars.count {
            guard Self.isLetter(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count, Self.isLetter(scalars[index]) { index += 1 }
            if !Self.touchesWord(scalars, start - 1), !Self.touchesWord(scalars, index) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<index])
                words.append((start, index, EnglishStemmer.stem(String(view))))
            }
        }
        var found: [(start: Int, end: Int, group: Int, word: String)] = []
        for (first, word) in words.enumerated() {
            for synonym in byFirstStem[word.stem] ?? [] where first + synonym.stems.count <= words.count {
                var matches = true
                for (offset, stem) in synonym.stems.enumerated().dropFirst() {
                    let previous = words[first + offset - 1]
                    let next = words[first + offset]
                    if next.stem != stem || next.start != previous.end + 1 || scalars[previous.end] != " " {
                        matches = false
                        break
                    }
                }
                if matches {
                    found.append((word.start, words[first + synonym.stems.count - 1].end, synonym.group, synonym.word))
                }
            }
        }
        return found
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { (0x61...0x7A).contains(scalar.value) }

    private static func touchesWord(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        SearchEngine.isWordAt(scalars, index)
            || index >= 0 && index < scalars.count && (scalars[index] == "'" || scalars[index] == "\u{2019}")
    }
}
