/// The ranking of `Templates/assets/search-core.js`, in Swift, so `fixbook check` runs the knowledge
/// base's search tests and `fixbook lookup` answers exactly as the browser does. Keep the two in
/// step: the JS header comment is the specification; the shared tests guard it.
public struct SearchEngine: Sendable {
    /// One ranked article.
    public struct Result: Sendable, Equatable {
        public var slug: String
        public var title: String
        /// The article page, or its solution anchor when the article matched by an error code.
        public var url: String
        public var score: Double
        public var fraction: Double
        /// The codes of this article that the query named.
        public var matchedCodes: [String]
    }

    private struct NormalizedText: Sendable {
        var title: [Unicode.Scalar]
        var symptoms: [[Unicode.Scalar]]
        var body: [Unicode.Scalar]
    }

    private let articles: [SearchIndex.Entry]
    /// The index's ranking numbers, and the weight of each combination of fields under them.
    private let ranking: SearchRanking
    private let maskWeight: [Double]
    private let postings: [String: [Int]]
    private let vocabulary: [String]
    private let texts: [NormalizedText]
    private let groups: [[String]]
    private let codeDocuments: [String: [Int]]
    private let messageKeys: [(key: String, tokens: [String])]

    /// Prepares the inverted index (token → document and field mask), as search-core.js does on first use.
    public init(index: SearchIndex) {
        articles = index.articles
        ranking = index.ranking
        maskWeight = SearchFields.maskWeights(index.ranking)
        var postings: [String: [Int]] = [:]
        var texts: [NormalizedText] = []
        for (document, article) in index.articles.enumerated() {
            for (token, mask) in SearchFields.masks(of: article) {
                postings[token, default: []].append(document * 128 + Int(mask))
            }
            texts.append(
                NormalizedText(
                    title: Array(SearchTokenizer.normalize(article.title).unicodeScalars),
                    symptoms: article.symptoms.map { Array(SearchTokenizer.normalize($0).unicodeScalars) },
                    body: Array(SearchTokenizer.normalize(article.text).unicodeScalars)
                )
            )
        }
        self.postings = postings
        self.texts = texts
        vocabulary = postings.keys.sorted(by: SearchTokenizer.utf16Less)
        groups = index.synonyms.map { group in
            group.map { CodeNormalizer.collapseWhitespace(SearchTokenizer.normalize($0)) }
                .filter { !SearchTokenizer.tokenizeNormalized($0).isEmpty }
        }.filter { $0.count > 1 }

        var documentByID: [String: Int] = [:]
        for (document, article) in index.articles.enumerated() where documentByID[article.id] == nil {
            documentByID[article.id] = document
        }
        var codeDocuments: [String: [Int]] = [:]
        for (key, ids) in index.codes {
            var list: [Int] = []
            for id in ids { if let document = documentByID[id], !list.contains(document) { list.append(document) } }
            codeDocuments[key] = list
        }
        self.codeDocuments = codeDocuments
        messageKeys = codeDocuments.keys.sorted(by: SearchTokenizer.utf16Less).compactMap { key in
            SearchTokenizer.messageTokens(ofCodeKey: key).map { (key, $0) }
        }
    }

    // MARK: - Query

    private struct Concept {
        var weight: Double
        var full: [[String]]
        var half: [[String]]
        var prefix: String?
    }

    private struct ParsedQuery {
        var normalized: [Unicode.Scalar]
        var tokens: [String]
        var concepts: [Concept]
        var codeKeys: [String]
    }

    private func parse(_ query: String, typing allowPrefix: Bool) -> ParsedQuery {
        let raw = SearchTokenizer.normalize(query)
        let norm = CodeNormalizer.collapseWhitespace(raw)
        let scalars = Array(norm.unicodeScalars)
        let typing = allowPrefix && !(raw.unicodeScalars.last.map { Character($0).isWhitespace } ?? false)
        let allTokens = SearchTokenizer.tokenizeNormalized(norm)

        // Synonym occurrences: longest first, then leftmost, no overlaps.
        var occurrences: [(start: Int, end: Int, group: Int, word: String)] = []
        for (groupIndex, group) in groups.enumerated() {
            for word in group {
                let needle = Array(word.unicodeScalars)
                for start in Self.occurrences(of: needle, in: scalars)
                where Self.boundaryOK(scalars, start, start + needle.count) {
                    occurrences.append((start, start + needle.count, groupIndex, word))
                }
            }
        }
        occurrences.sort {
            let length0 = Self.utf16Length($0.word)
            let length1 = Self.utf16Length($1.word)
            if length0 != length1 { return length0 > length1 }
            if $0.start != $1.start { return $0.start < $1.start }
            return $0.group < $1.group
        }
        var picked: [(start: Int, end: Int, group: Int, word: String)] = []
        for occurrence in occurrences
        where !picked.contains(where: { occurrence.start < $0.end && $0.start < occurrence.end }) {
            picked.append(occurrence)
        }
        picked.sort { $0.start < $1.start }

        var concepts: [Concept] = []
        var seen: Set<String> = []
        func push(_ concept: Concept) {
            let signature =
                concept.full.map { $0.joined(separator: "\u{1}") }.joined(separator: "\u{2}") + "\u{3}"
                + concept.half.map { $0.joined(separator: "\u{1}") }.joined(separator: "\u{2}")
            if seen.insert(signature).inserted { concepts.append(concept) }
        }
        func textPiece(_ piece: ArraySlice<Unicode.Scalar>, isLast: Bool) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: piece)
            let tokens = SearchTokenizer.tokenizeNormalized(String(view))
            for (index, token) in tokens.enumerated() {
                var concept = Concept(weight: 1, full: [[token]], half: [], prefix: nil)
                if let key = SearchTokenizer.codeKey(ofToken: token) {
                    let keyTokens = SearchTokenizer.tokenize(key)
                    if !keyTokens.isEmpty, !(keyTokens.count == 1 && keyTokens[0] == token) {
                        concept.full.append(keyTokens)
                    }
                }
                if isLast, index == tokens.count - 1, typing, Self.utf16Length(token) >= ranking.prefixMinimum,
                    let first = token.unicodeScalars.first,
                    (0x61...0x7A).contains(first.value) || (0x30...0x39).contains(first.value),
                    norm.hasSuffix(token)
                {
                    concept.prefix = token
                }
                push(concept)
            }
        }
        var position = 0
        for occurrence in picked {
            textPiece(scalars[position..<occurrence.start], isLast: false)
            let own = SearchTokenizer.tokenizeNormalized(occurrence.word)
            let half = groups[occurrence.group].filter { $0 != occurrence.word }.map(SearchTokenizer.tokenizeNormalized)
                .filter { !$0.isEmpty }
            push(Concept(weight: Double(max(1, own.count)), full: [own], half: half, prefix: nil))
            position = occurrence.end
        }
        textPiece(scalars[position...], isLast: true)

        // Prefix completions of the last token (half score).
        for index in concepts.indices {
            guard let prefix = concepts[index].prefix else { continue }
            var start = Self.lowerBound(vocabulary, prefix)
            var count = 0
            while start < vocabulary.count, count < ranking.prefixMaximumWords {
                let word = vocabulary[start]
                start += 1
                guard word.utf16.starts(with: prefix.utf16) else { break }
                if word == prefix { continue }
                concepts[index].half.append([word])
                count += 1
            }
            for group in groups where group.contains(where: { $0 != prefix && $0.utf16.starts(with: prefix.utf16) }) {
                for word in group {
                    let tokens = SearchTokenizer.tokenizeNormalized(word)
                    if !tokens.isEmpty { concepts[index].half.append(tokens) }
                }
            }
        }

        var keys = SearchTokenizer.codeKeys(ofTokens: allTokens)
        for message in messageKeys where !keys.contains(message.key) && Self.containsRun(allTokens, message.tokens) {
            keys.append(message.key)
        }
        return ParsedQuery(normalized: scalars, tokens: allTokens, concepts: concepts, codeKeys: keys)
    }

    // MARK: - Ranking

    /// Ranked results for `query`, best first. `typing` enables prefix matching of the last word.
    public func search(_ query: String, typing: Bool = true, limit: Int? = nil) -> [Result] {
        let parsed = parse(query, typing: typing)
        if parsed.concepts.isEmpty && parsed.codeKeys.isEmpty { return [] }

        var totalWeight = 0.0
        var entries: [Int: (score: Double, matched: Double, codeKeys: [String])] = [:]
        for concept in parsed.concepts {
            totalWeight += concept.weight
            var full: [Int: UInt8] = [:]
            var half: [Int: UInt8] = [:]
            for phrase in concept.full { phraseMasks(phrase, into: &full) }
            for phrase in concept.half { phraseMasks(phrase, into: &half) }
            for (document, mask) in full {
                var entry = entries[document] ?? (0, 0, [])
                entry.matched += concept.weight
                let halfOnly = (half[document] ?? 0) & ~mask
                entry.score +=
                    concept.weight * (maskWeight[Int(mask)] + maskWeight[Int(halfOnly)] / 2)
                entries[document] = entry
            }
            for (document, mask) in half where full[document] == nil {
                var entry = entries[document] ?? (0, 0, [])
                entry.matched += concept.weight
                entry.score += concept.weight * maskWeight[Int(mask)] / 2
                entries[document] = entry
            }
        }

        let queryTokens = Set(parsed.tokens)
        for key in parsed.codeKeys {
            for document in codeDocuments[key] ?? [] {
                var entry = entries[document] ?? (0, 0, [])
                entry.score += ranking.codeHit
                entry.codeKeys.append(key)
                var best = 0.0
                for code in articles[document].codes where code.key == key {
                    guard let message = code.message, !message.isEmpty else { continue }
                    var messageTokens: [String] = []
                    for token in SearchTokenizer.tokenize(message) where !messageTokens.contains(token) {
                        messageTokens.append(token)
                    }
                    guard !messageTokens.isEmpty else { continue }
                    let hits = messageTokens.filter(queryTokens.contains).count
                    best = max(best, ranking.messageBoost * Double(hits) / Double(messageTokens.count))
                }
                entry.score += best
                entries[document] = entry
            }
        }

        var results: [Result] = []
        var documents: [Int] = []
        for (document, entry) in entries {
            if totalWeight > 0, entry.matched / totalWeight < ranking.minimumPartial, entry.codeKeys.isEmpty {
                continue
            }
            let article = articles[document]
            var matched: [SearchIndex.Code] = []
            for key in entry.codeKeys {
                for code in article.codes
                where code.key == key
                    && !matched.contains(where: { $0.code == code.code && $0.key == code.key && $0.url == code.url })
                {
                    matched.append(code)
                }
            }
            let fraction = totalWeight == 0 || !entry.codeKeys.isEmpty ? 1 : entry.matched / totalWeight
            let url = matched.first.map(\.url).flatMap { $0.isEmpty ? nil : $0 } ?? article.url
            results.append(
                Result(
                    slug: article.slug, title: article.title, url: url, score: entry.score, fraction: fraction,
                    matchedCodes: matched.map(\.code)
                )
            )
            documents.append(document)
        }
        // Words near each other: the whole query in the title, a symptom or the body.
        if parsed.tokens.count >= 2 {
            let phrase = parsed.normalized
            let first = results.indices.sorted { Self.ranksBefore(results[$0], results[$1]) }
            for position in first.prefix(ranking.phraseCandidates) {
                let text = texts[documents[position]]
                var bonus = 0.0
                if !Self.occurrences(of: phrase, in: text.title, first: true).isEmpty { bonus += ranking.phraseTitle }
                if text.symptoms.contains(where: { !Self.occurrences(of: phrase, in: $0, first: true).isEmpty }) {
                    bonus += ranking.phraseSymptom
                }
                if !Self.occurrences(of: phrase, in: text.body, first: true).isEmpty { bonus += ranking.phraseBody }
                results[position].score += bonus
            }
        }
        results.sort(by: Self.ranksBefore)
        if let limit { return Array(results.prefix(limit)) }
        return results
    }

    /// Adds, per document, the fields that contain every token of `tokens`.
    private func phraseMasks(_ tokens: [String], into result: inout [Int: UInt8]) {
        var unique: [String] = []
        for token in tokens where !unique.contains(token) { unique.append(token) }
        var accumulated: [Int: UInt8]?
        for token in unique {
            guard let list = postings[token] else { return }
            var next: [Int: UInt8] = [:]
            for value in list {
                let document = value / 128
                let mask = UInt8(value % 128)
                if let previous = accumulated {
                    if let earlier = previous[document], earlier & mask != 0 { next[document] = earlier & mask }
                } else {
                    next[document] = mask
                }
            }
            accumulated = next
            if next.isEmpty { return }
        }
        for (document, mask) in accumulated ?? [:] { result[document, default: 0] |= mask }
    }

    // MARK: - Helpers

    /// Complete matches first, then by fraction, score, title and slug.
    private static func ranksBefore(_ a: Result, _ b: Result) -> Bool {
        let completeA = a.fraction >= 1
        let completeB = b.fraction >= 1
        if completeA != completeB { return completeA }
        if a.fraction != b.fraction { return a.fraction > b.fraction }
        if a.score != b.score { return a.score > b.score }
        if a.title != b.title { return SearchTokenizer.utf16Less(a.title, b.title) }
        return SearchTokenizer.utf16Less(a.slug, b.slug)
    }

    private static func utf16Length(_ text: String) -> Int { text.utf16.count }

    private static func lowerBound(_ sorted: [String], _ value: String) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if SearchTokenizer.utf16Less(sorted[middle], value) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func containsRun(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle
        {
            return true
        }
        return false
    }

    /// Start offsets of `needle` in `haystack` (overlapping), or only the first when `first`.
    private static func occurrences(
        of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], first: Bool = false
    ) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in needle.indices where haystack[start + offset] != needle[offset] { continue outer }
            found.append(start)
            if first { break }
        }
        return found
    }

    private static func isWordAt(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= 0 && index < scalars.count && SearchTokenizer.isWordScalar(scalars[index])
    }

    /// True when `[start, end)` does not cut through a word at either end.
    private static func boundaryOK(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        if isWordAt(scalars, start) && isWordAt(scalars, start - 1) { return false }
        if isWordAt(scalars, end - 1) && isWordAt(scalars, end) { return false }
        return true
    }
}
