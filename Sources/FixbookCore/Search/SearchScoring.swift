import Foundation

/// BM25 over the fields of an article, in whole numbers so that the browser adds up exactly what
/// `SearchEngine` adds up (the index stores them; `search-core.js` only sums and multiplies).
///
/// - The impact of a term in an article sums, over the fields that hold it, the field's weight
///   times BM25's saturated frequency `tf·(k1+1) / (tf + k1·(1 − b + b·length/average length))`,
///   times 10 and rounded. The body counts how often it says the term; the short fields (title,
///   symptoms, tags, codes, headings, summary) count a term once.
/// - A term's inverse document frequency `ln(1 + (N − df + ½)/(df + ½))`, raised to
///   `idfExponent`, times 100 and rounded, is lowered by `stopFactor` for stop words. It is at
///   least 1, so a match always counts.
/// - A term in more than one article in `denseShare` (such lists are stored as bitmaps) is scored
///   as if each field said it once at average length: its impact is 10 × the weights of the fields.
/// - Average lengths are rounded to two significant digits (`roundedAverage`), so that an edit to
///   one article of many leaves them, and with them every other article's impacts, as they were:
///   `fixbook serve` then rewrites only the index entries of the words that article holds.
struct SearchScoring {
    let ranking: SearchRanking
    let documents: Int
    /// Average length in terms of each field (`SearchFields.all` order), over all articles.
    let averages: [Double]

    init(ranking: SearchRanking, lengths: [[Int32]]) {
        let totals = SearchFields.all.indices.map { field in lengths.reduce(0) { $0 + Int($1[field]) } }
        self.init(ranking: ranking, documents: lengths.count, totals: totals)
    }

    /// `totals`: the number of terms of each field over all `documents`.
    init(ranking: SearchRanking, documents: Int, totals: [Int]) {
        self.ranking = ranking
        self.documents = documents
        averages = totals.map { Self.roundedAverage(total: $0, count: documents) }
    }

    /// `total / count` rounded to two significant digits (half up), in whole numbers until one
    /// last division by a power of ten, so that `search-core.js` gets the very same number.
    static func roundedAverage(total: Int, count: Int) -> Double {
        guard total > 0, count > 0 else { return 0 }
        var numerator = total
        var denominator = count
        var exponent = 0  // the average is about numerator / denominator / 10^exponent
        while numerator < 10 * denominator {
            numerator *= 10
            exponent += 1
        }
        while numerator >= 100 * denominator {
            denominator *= 10
            exponent -= 1
        }
        let digits = (2 * numerator + denominator) / (2 * denominator)
        var power = 1
        for _ in 0..<abs(exponent) { power *= 10 }
        return exponent >= 0 ? Double(digits) / Double(power) : Double(digits * power)
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
        let plain = pow(log(1 + (Double(documents - frequency) + 0.5) / (Double(frequency) + 0.5)), ranking.idfExponent)
        return max(1, Int((plain * 100 * (stop ? ranking.stopFactor : 1)).rounded()))
    }
}
