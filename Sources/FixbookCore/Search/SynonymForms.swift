/// A synonym of English words is found in a query in any form of its words, as the articles'
/// words are: `alerts` for alert, `redownloaded` for redownload, `bounces back` for bounce back,
/// and a contraction however it is typed (`cant find server`, `cannot find server` for can't find
/// server: each is `can not`). An editor lists a word once in `synonyms.yml`, not every ending or
/// spelling a customer may type. Mirrored by `synonymForms` in `Templates/assets/search-core.js`.
struct SynonymForms: Sendable {
    private struct Synonym: Sendable {
        var group: Int
        var word: String
        var terms: [String]
    }

    /// The synonyms made of English words (a–z, and an apostrophe within a word) between single
    /// spaces, by the first of their terms.
    private let byFirstTerm: [String: [Synonym]]

    init(groups: [[String]]) {
        var byFirstTerm: [String: [Synonym]] = [:]
        for (group, words) in groups.enumerated() {
            for word in words {
                let parts = word.split(separator: " ", omittingEmptySubsequences: false)
                guard parts.allSatisfy({ Self.isEnglishWord(Array($0.unicodeScalars)[...]) }) else { continue }
                let terms = parts.flatMap { SearchTokenizer.tokenizeNormalized(String($0)) }
                guard let first = terms.first else { continue }
                byFirstTerm[first, default: []].append(Synonym(group: group, word: word, terms: terms))
            }
        }
        self.byFirstTerm = byFirstTerm
    }

    /// Where a synonym occurs in the normalized query `scalars` as words of the same terms, one
    /// space apart: each whole word a run of a–z with apostrophes inside it that no other word
    /// character touches. A contraction is two terms (`can't` is can, not), both of its word.
    func occurrences(in scalars: [Unicode.Scalar]) -> [(start: Int, end: Int, group: Int, word: String)] {
        guard !byFirstTerm.isEmpty else { return [] }
        // each term, with the span of the word it comes from
        var terms: [(start: Int, end: Int, term: String)] = []
        var index = 0
        while index < scalars.count {
            guard Self.isLetter(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count,
                Self.isLetter(scalars[index])
                    || SearchTokenizer.isApostrophe(scalars[index]) && index + 1 < scalars.count
                        && Self.isLetter(scalars[index + 1])
            {
                index += 1
            }
            if !Self.touchesWord(scalars, start - 1), !Self.touchesWord(scalars, index) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<index])
                for term in SearchTokenizer.tokenizeNormalized(String(view)) { terms.append((start, index, term)) }
            }
        }
        var found: [(start: Int, end: Int, group: Int, word: String)] = []
        for (first, term) in terms.enumerated() {
            for synonym in byFirstTerm[term.term] ?? [] where first + synonym.terms.count <= terms.count {
                var matches = true
                for (offset, expected) in synonym.terms.enumerated().dropFirst() {
                    let previous = terms[first + offset - 1]
                    let next = terms[first + offset]
                    let sameWord = next.start == previous.start
                    if next.term != expected
                        || !sameWord && (next.start != previous.end + 1 || scalars[previous.end] != " ")
                    {
                        matches = false
                        break
                    }
                }
                let last = first + synonym.terms.count - 1
                // (a synonym ends where a word ends: `is` is none in isn't; one that starts with
                // the `not` of a contraction covers its word: `not working` in isn't working)
                if matches, last + 1 == terms.count || terms[last + 1].start != terms[last].start {
                    found.append((term.start, terms[last].end, synonym.group, synonym.word))
                }
            }
        }
        return found
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { (0x61...0x7A).contains(scalar.value) }

    /// Whether `scalars` is one English word: a–z, with apostrophes only between letters.
    private static func isEnglishWord(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, let last = scalars.last, isLetter(first), isLetter(last) else { return false }
        return scalars.allSatisfy { isLetter($0) || SearchTokenizer.isApostrophe($0) }
    }

    private static func touchesWord(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        SearchEngine.isWordAt(scalars, index)
            || index >= 0 && index < scalars.count && SearchTokenizer.isApostrophe(scalars[index])
    }
}
