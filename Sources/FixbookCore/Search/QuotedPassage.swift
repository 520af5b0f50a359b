/// A pasted dialog or bounce line rarely occurs whole in an article (its host name, address or
/// size differ from the one quoted), but a long stretch of it does: the article that quotes the
/// longest stretch of the query's pieces, in order, is the one the customer's screen matches.
/// `search-core.js` (`passageBonus`) computes the same on the same normalized text.
enum QuotedPassage {
    /// The pieces of the normalized query between its spaces, and between the punctuation marks
    /// next to a Chinese character: a Chinese dialog has no spaces (`无法连接到 x.com：不知道这样的主机。`
    /// is `无法连接到`, `x.com`, `不知道这样的主机`).
    static func pieces(of query: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var pieces: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for (index, scalar) in query.enumerated() {
            let space = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            let mark =
                isMark(scalar)
                && (index > 0 && SearchTokenizer.isCJK(query[index - 1])
                    || index + 1 < query.count && SearchTokenizer.isCJK(query[index + 1]))
            if space || mark {
                if !current.isEmpty { pieces.append(current) }
                current = []
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// ASCII punctuation, CJK punctuation (、。「」…) and curly quotes, as NFKC leaves them.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value) || (0x5B...0x60).contains(value)
            || (0x7B...0x7E).contains(value) || (0x2018...0x201F).contains(value) || value == 0x2026
            || ((0x3000...0x303F).contains(value) && !SearchTokenizer.isCJK(scalar))
            || (0xFF5F...0xFF65).contains(value)
    }

    /// `ranking.passage` times the share of the query's pieces in the longest stretch of them,
    /// joined by single spaces and at least `ranking.passageMinimum` long (`units`), that one
    /// of `fields` holds; 0 when none does.
    static func bonus(_ pieces: [[Unicode.Scalar]], in fields: [[Unicode.Scalar]], ranking: SearchRanking) -> Double {
        guard !pieces.isEmpty else { return 0 }
        var longest = 0
        for field in fields {
            // A stretch held means every shorter stretch inside it is held: `end` never goes back.
            var end = 0
            for start in pieces.indices {
                end = max(end, start)
                while end < pieces.count, holds(field, pieces[start...end]) { end += 1 }
                if end - start > longest, units(pieces[start..<end]) >= ranking.passageMinimum {
                    longest = end - start
                }
            }
        }
        return longest == 0 ? 0 : ranking.passage * Double(longest) / Double(pieces.count)
    }

    private static func joined(_ stretch: ArraySlice<[Unicode.Scalar]>) -> [Unicode.Scalar] {
        Array(stretch.joined(separator: [" "]))
    }

    private static func holds(_ field: [Unicode.Scalar], _ stretch: ArraySlice<[Unicode.Scalar]>) -> Bool {
        !SearchEngine.occurrences(of: joined(stretch), in: field, first: true).isEmpty
    }

    /// UTF-16 units, a Chinese character counting three: seven of them say as much as twenty letters.
    private static func units(_ stretch: ArraySlice<[Unicode.Scalar]>) -> Int {
        joined(stretch).reduce(0) { $0 + (SearchTokenizer.isCJK($1) ? 3 : $1.value > 0xFFFF ? 2 : 1) }
    }
}
