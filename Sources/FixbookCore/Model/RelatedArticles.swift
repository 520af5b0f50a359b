/// Picks related articles: the hand-picked `related` first, then those sharing codes, tags and
/// category. Candidates come from the code and tag lists, capped, so the work stays near-linear.
public enum RelatedArticles {
    /// How many neighbours on each side of an article in a long list are its candidates.
    static let neighbours = 50

    /// The members of `list` (article indices, ascending) whose candidates from it may change when
    /// the article at `index` joins or leaves it: those within reach of its place, with a margin.
    static func reach(of index: Int, in list: [Int]?) -> ArraySlice<Int> {
        guard let list else { return [] }
        let place = list.sortedPlace(of: index)
        return list[max(0, place - neighbours - 2)..<min(list.count, place + neighbours + 2)]
    }

    /// Up to `limit` article indices related to the article at `index`.
    public static func pick(
        for index: Int, in kb: KnowledgeBase, byTag: [String: [Int]], byCategory: [String: [Int]],
        categoryKey: String, limit: Int = 5
    )
        -> [Int]
    {
        let article = kb.articles[index]
        var result: [Int] = []
        for related in article.metadata.related {
            if let other = kb.bySlug[related.text], other != index, !result.contains(other) { result.append(other) }
        }
        guard result.count < limit else { return Array(result.prefix(limit)) }

        // Every (candidate, weight) found, summed per candidate after a sort rather than in a
        // dictionary of scores: one sort of small tuples, no hashing.
        var found: [(index: Int, weight: Int)] = []
        func add(_ list: [Int]?, weight: Int) {
            guard let list else { return }
            // Neighbours by slug order stand in for the whole list when it is long.
            let place = list.sortedPlace(of: index)
            let position = place < list.count && list[place] == index ? place : 0
            let window = list[max(0, position - neighbours)..<min(list.count, position + neighbours)]
            for other in window where other != index { found.append((other, weight)) }
        }
        for key in Set(article.metadata.codes.map(\.code.key)) { add(kb.byCodeKey[key], weight: 4) }
        for tag in Set(article.metadata.tags.map(TermSlug.make)) { add(byTag[tag], weight: 2) }
        if !categoryKey.isEmpty { add(byCategory[categoryKey], weight: 1) }
        found.sort { $0.index < $1.index }
        // The best few by score, then slug: a partial selection, not a sort of every candidate.
        var best: [(index: Int, score: Int)] = []
        let wanted = limit - result.count
        // Articles are sorted by slug, so index order is slug order.
        func ranksBefore(_ a: (index: Int, score: Int), _ b: (index: Int, score: Int)) -> Bool {
            a.score != b.score ? a.score > b.score : a.index < b.index
        }
        var next = 0
        while next < found.count {
            let other = found[next].index
            var score = 0
            while next < found.count, found[next].index == other {
                score += found[next].weight
                next += 1
            }
            guard !result.contains(other) else { continue }
            let candidate = (index: other, score: score)
            if best.count < wanted {
                best.append(candidate)
                best.sort(by: ranksBefore)
            } else if let last = best.last, ranksBefore(candidate, last) {
                best[best.count - 1] = candidate
                best.sort(by: ranksBefore)
            }
        }
        result += best.map(\.index)
        return result
    }
}
