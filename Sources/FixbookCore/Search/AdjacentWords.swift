/// Words the customer typed next to each other mean more together than apart: "emails to anyone
/// outside come back" is about mail *to* outside, which the article that says "send to outside"
/// holds in that order, while the article on mail *from* outside holds the same words scattered.
/// Each pair of adjacent query terms (not both stop words, neither Chinese: a Chinese term is
/// already a pair of characters) that an article's title holds next to each other adds
/// `ranking.pairTitle`, else one of its symptoms `ranking.pairSymptom` (not the body: the
/// browser would have to split twenty whole articles into words for every query). Terms are compared after stemming, so "emails bounce" meets "email
/// bounced". What the customer says did not happen (`NegatedWords`) is left out: a pair never
/// spans it. Mirrored by `adjacentPairs` and `pairBonus` in `search-core.js`.
enum AdjacentWords {
    struct Pair: Equatable {
        var first: String
        var second: String
    }

    /// The distinct pairs of adjacent terms within each of `segments` (the query's terms in order,
    /// misspellings corrected, cut where a negated word was) that count, in order.
    static func pairs(of segments: [[String]], isStop: (String) -> Bool) -> [Pair] {
        var pairs: [Pair] = []
        for terms in segments where terms.count >= 2 {
            for index in terms.indices.dropLast() {
                let pair = Pair(first: terms[index], second: terms[index + 1])
                if pair.first == pair.second || isStop(pair.first) && isStop(pair.second) { continue }
                if isChinese(pair.first) || isChinese(pair.second) || pairs.contains(pair) { continue }
                pairs.append(pair)
            }
        }
        return pairs
    }

    /// The bonus of an article whose fields have these terms, in order.
    static func bonus(
        _ pairs: [Pair], title: [String], symptoms: [[String]], ranking: SearchRanking
    )
        -> Double
    {
        var bonus = 0.0
        for pair in pairs {
            if holds(title, pair) {
                bonus += ranking.pairTitle
            } else if symptoms.contains(where: { holds($0, pair) }) {
                bonus += ranking.pairSymptom
            }
        }
        return bonus
    }

    private static func holds(_ terms: [String], _ pair: Pair) -> Bool {
        guard terms.count >= 2 else { return false }
        for index in 0..<(terms.count - 1) where terms[index] == pair.first && terms[index + 1] == pair.second {
            return true
        }
        return false
    }

    private static func isChinese(_ term: String) -> Bool { term.unicodeScalars.contains(where: SearchTokenizer.isCJK) }
}
