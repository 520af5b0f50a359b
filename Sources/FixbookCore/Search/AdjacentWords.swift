/// Words the customer typed next to each other mean more together than apart: "emails to anyone
/// outside come back" is about mail *to* outside, which the article that says "send to outside"
/// holds in that order, while the article on mail *from* outside holds the same words scattered.
/// Each pair of adjacent query terms that an article's title holds next to each other adds
/// `ranking.pairTitle`, else one of its symptoms `ranking.pairSymptom` (not the body: the browser
/// would have to split twenty whole articles into words for every query). Terms are compared
/// after stemming, so "emails bounce" meets "email bounced". A pair of two stop words counts for
/// nothing, and so does a pair with a Chinese term (already a pair of characters), with `not` or
/// an auxiliary verb (`ranking.pairlessWords`), or across what the customer says did not happen
/// (`NegatedWords`). Mirrored by `adjacentPairs`, `pairsHeld` and `pairBonus` in `search-core.js`.
enum AdjacentWords {
    struct Pair: Hashable {
        var first: String
        var second: String
    }

    /// The distinct pairs of adjacent terms within each of `segments` (the query's terms in order,
    /// misspellings corrected, cut where a negated word was) that count, in order: none with a
    /// `pairless` term.
    static func pairs(of segments: [[String]], pairless: Set<String>, isStop: (String) -> Bool) -> [Pair] {
        var pairs: [Pair] = []
        var seen = Set<Pair>()
        for terms in segments where terms.count >= 2 {
            for index in terms.indices.dropLast() {
                let pair = Pair(first: terms[index], second: terms[index + 1])
                if pair.first == pair.second || isStop(pair.first) && isStop(pair.second) { continue }
                if pairless.contains(pair.first) || pairless.contains(pair.second) { continue }
                if isChinese(pair.first) || isChinese(pair.second) || !seen.insert(pair).inserted { continue }
                pairs.append(pair)
            }
        }
        return pairs
    }

    /// The pairs of adjacent terms that one of `texts` (each a field's terms, in order) holds.
    static func held(in texts: [[String]]) -> Set<Pair> {
        var held = Set<Pair>()
        for terms in texts where terms.count >= 2 {
            for index in terms.indices.dropLast() { held.insert(Pair(first: terms[index], second: terms[index + 1])) }
        }
        return held
    }

    /// The bonus of an article whose title and symptoms hold these pairs.
    static func bonus(_ pairs: [Pair], title: Set<Pair>, symptoms: Set<Pair>, ranking: SearchRanking) -> Double {
        var bonus = 0.0
        for pair in pairs {
            if title.contains(pair) {
                bonus += ranking.pairTitle
            } else if symptoms.contains(pair) {
                bonus += ranking.pairSymptom
            }
        }
        return bonus
    }

    private static func isChinese(_ term: String) -> Bool { term.unicodeScalars.contains(where: SearchTokenizer.isCJK) }
}
