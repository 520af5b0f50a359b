/// What the customer says did not happen is not what they are looking for: in "they get no
/// bounce" or "he never got any error back", the bounce articles would otherwise win on the very
/// word that rules them out, over the article on mail that never arrives. The word right after a
/// negation (`ranking.negations`, past `ranking.negationFillers`: a, any…) weighs
/// `ranking.negatedFactor` of its weight: lowered, never dropped. In Chinese, the two characters
/// right after one (他那边也没收到退信: 退信), and where the customer already looked, which comes
/// before what says so (不明文件夹也翻过了: 不明文件夹, a place looked in, not the question). And the
/// customer's guess at the cause, which is mostly what it was not (我以为是反垃圾太严, "I assumed the
/// spam filter was holding it back"): the clause after `ranking.guesses`. Mirrored by
/// `negatedScopes` in `search-core.js`.
enum NegatedWords {
    /// The ranges of the normalized, white-space-collapsed `query` that are negated, in order.
    static func scopes(in query: [Unicode.Scalar], ranking: SearchRanking) -> [Range<Int>] {
        let negations = longestFirst(ranking.negations)
        let fillers = ranking.negationFillers.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        var scopes: [Range<Int>] = []
        var index = 0
        while index < query.count {
            var next = index + 1
            for negation in negations {
                if let scope = scope(after: negation, at: index, in: query, fillers: fillers) {
                    scopes.append(scope)
                    next = scope.upperBound
                    break
                }
            }
            index = next
        }
        return merged(scopes + scopesBefore(in: query, ranking: ranking) + guessScopes(in: query, ranking: ranking))
    }

    /// Where a clause ends: punctuation, half-width (as NFKC leaves it) or full-width.
    private static let clauseEnds = Set(",.;:!?、。，；：！？".unicodeScalars)

    /// What a guess (`ranking.guesses`: thought, assumed, 以为是…) covers: the rest of its clause,
    /// up to punctuation, an English guess's clause also up to the word `but`, a Chinese one's up
    /// to a space (what a colloquial Chinese query puts between its clauses). An English guess is
    /// a whole word.
    private static func guessScopes(in query: [Unicode.Scalar], ranking: SearchRanking) -> [Range<Int>] {
        let guesses = longestFirst(ranking.guesses)
        let but = Array(" but ".unicodeScalars)
        var scopes: [Range<Int>] = []
        var index = 0
        while index < query.count {
            guard let guess = first(of: guesses, at: index, in: query) else {
                index += 1
                continue
            }
            let chinese = SearchTokenizer.isCJK(guess[guess.count - 1])
            let start = index + guess.count
            if !chinese && (SearchEngine.isWordAt(query, index - 1) || SearchEngine.isWordAt(query, start)) {
                index += 1
                continue
            }
            var end = start
            while end < query.count, !clauseEnds.contains(query[end]),
                !(chinese ? query[end] == " " : query[end...].starts(with: but))
            {
                end += 1
            }
            if end > start { scopes.append(start..<end) }
            index = end
        }
        return scopes
    }

    /// `phrases` as scalars, the longest first: the first found at a position is the longest there.
    private static func longestFirst(_ phrases: [String]) -> [[Unicode.Scalar]] {
        phrases.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The first of `phrases` that `query` holds at `index`.
    private static func first(
        of phrases: [[Unicode.Scalar]], at index: Int, in query: [Unicode.Scalar]
    ) -> [Unicode.Scalar]? {
        phrases.first { index + $0.count <= query.count && query[index..<(index + $0.count)].elementsEqual($0) }
    }

    /// The ranges in order, overlapping ones joined.
    private static func merged(_ scopes: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for scope in scopes.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, scope.lowerBound < last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, scope.upperBound)
            } else {
                out.append(scope)
            }
        }
        return out
    }

    /// What a look-back negation (`ranking.negationsBefore`) negates: the letters, digits and
    /// Chinese characters before it, back to punctuation or a space, at most `ranking.lookBack`.
    private static func scopesBefore(in query: [Unicode.Scalar], ranking: SearchRanking) -> [Range<Int>] {
        let cues = longestFirst(ranking.negationsBefore)
        var scopes: [Range<Int>] = []
        var index = 0
        while index < query.count {
            guard let cue = first(of: cues, at: index, in: query) else {
                index += 1
                continue
            }
            var start = index
            while start > 0 && index - start < ranking.lookBack {
                let scalar = query[start - 1]
                guard SearchTokenizer.isCJK(scalar) || SearchTokenizer.isWordScalar(scalar) else { break }
                start -= 1
            }
            if start < index { scopes.append(start..<index) }
            index += cue.count
        }
        return scopes
    }

    /// The word `negation` at `start` negates: a run of word characters after a space (and its
    /// fillers) for a negation of whole words, the next two characters for a Chinese one.
    private static func scope(
        after negation: [Unicode.Scalar], at start: Int, in query: [Unicode.Scalar], fillers: [[Unicode.Scalar]]
    ) -> Range<Int>? {
        var end = start + negation.count
        guard end <= query.count, query[start..<end].elementsEqual(negation) else { return nil }
        if SearchTokenizer.isCJK(negation[negation.count - 1]) {
            guard end + 2 <= query.count, SearchTokenizer.isCJK(query[end]), SearchTokenizer.isCJK(query[end + 1])
            else { return nil }
            return end..<(end + 2)
        }
        guard !SearchEngine.isWordAt(query, start - 1), end < query.count, query[end] == " " else { return nil }
        end += 1
        while let filler = fillers.first(where: {
            end + $0.count < query.count && query[end..<(end + $0.count)].elementsEqual($0)
                && query[end + $0.count] == " "
        }) {
            end += filler.count + 1
        }
        var wordEnd = end
        while SearchEngine.isWordAt(query, wordEnd) { wordEnd += 1 }
        return wordEnd > end ? end..<wordEnd : nil
    }
}
