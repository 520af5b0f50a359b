import Foundation

/// BM25 over the fields of an article, in whole numbers so that the browser adds up exactly what
/// `SearchEngine` adds up (the index stores them; `search-core.js` only sums and multiplies).
///
/// - The impact of a term in an article sums, over the fields that hold it, the field's weight
///   times BM25's saturated frequency `tf·(k1+1) / (tf + k1·(1 − b + b·length/average length))`,
///   times 10 and rounded. The body counts how often it says the term; the short fields (title,
///   symptoms, tags, codes, headings, summary) count a term once.
/// - A term's inverse document frequency `ln(1 + (N − df + ½)/(df + ½))`, times 100 and rounded,
///   is lowered by `stopFactor` for stop words. It is at least 1, so a match always counts.
/// - A term in more than one article in `denseShare` (such lists are stored as bitmaps) is scored
///   as if each field said it once at average length: its impact is 10 × the weights of the fields.
struct SearchScoring {
    let ranking: SearchRanking
    let documents: Int
    /// Average length in terms of each field (`SearchFields.all` order), over all articles.
    let averages: [Double]

    init(ranking: SearchRanking, lengths: [[Int32]]) {
        self.ranking = ranking
        documents = lengths.count
        averages = SearchFields.all.indices.map { field in
            lengths.isEmpty ? 0 : Double(lengths.reduce(0) { $0 + Int($1[field]) }) / Double(lengths.count)
        }
    }

    /// Whether a term in `frequency` articles is scored without its counts (see above).
    func isDense(_ frequency: Int) -> Bool { frequency * ranking.denseShare > documents }

    /// The impact of a term with `counts` in an article whose fields have `lengths`.
    func impact(_ counts: SearchFields.TermCounts, lengths: [Int32]) -> Int {
        let weights = ranking.fieldWeightsInOrder
        var sum = 0.0
        for (position, field) in SearchFields.all.enumerated() where counts.mask & field != 0 {
            let frequency = field == SearchFields.body ? Double(counts.body) : 1
            let average = averages[position]
            let relative = average > 0 ? Double(lengths[position]) / average : 1
            let saturation = ranking.k1 * (1 - ranking.b + ranking.b * relative)
            sum += weights[position] * (frequency * (ranking.k1 + 1) / (frequency + saturation))
        }
        return max(1, Int((sum * 10).rounded()))
    }

    /// The impact of a dense term in the fields of `mask`.
    static func denseImpact(_ mask: UInt8, _ ranking: SearchRanking) -> Int {
        let weights = ranking.fieldWeightsInOrder
        var sum = 0.0
        for (position, field) in SearchFields.all.enumerated() where mask & field != 0 { sum += weights[position] }
        return max(1, Int((sum * 10).rounded()))
    }

    /// The inverse document frequency of a term in `frequency` articles, as stored.
    func idf(_ frequency: Int, stop: Bool) -> Int {
        Self.idf(frequency, documents: documents, stop: stop, ranking: ranking)
    }

    static func idf(_ frequency: Int, documents: Int, stop: Bool, ranking: SearchRanking) -> Int {
        let plain = log(1 + (Double(documents - frequency) + 0.5) / (Double(frequency) + 0.5))
        return max(1, Int((plain * 100 * (stop ? ranking.stopFactor : 1)).rounded()))
    }
}
