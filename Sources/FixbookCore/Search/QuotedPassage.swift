/// A pasted dialog or bounce line rarely occurs whole in an article (its host name, address or
/// size differ from the one quoted), but a long stretch of it does: the article that quotes the
/// longest stretch of the query's pieces, in order, is the one the customer's screen matches.
/// `search-core.js` (`passageBonus`) computes the same on the same normalized text.
enum QuotedPassage {
    /// The pieces of the normalized query between its spaces.
    static func pieces(of query: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        query.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(Array.init)
    }

    /// `ranking.passage` times the share of the query's pieces in the longest stretch of them,
    /// joined by single spaces and at least `ranking.passageMinimum` UTF-16 units long, that one
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
                if end - start > longest, utf16Length(pieces[start..<end]) >= ranking.passageMinimum {
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

    private static func utf16Length(_ stretch: ArraySlice<[Unicode.Scalar]>) -> Int {
        joined(stretch).reduce(0) { $0 + ($1.value > 0xFFFF ? 2 : 1) }
    }
}
