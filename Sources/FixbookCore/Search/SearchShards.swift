/// The search index split for the browser: a query loads a small entry script and only the shards
/// it needs, through `<script>` tags, so a large help center searches from `file://` without
/// downloading the whole index. `Templates/assets/search-core.js` reads it.
///
/// - `assets/search-index.js` sets `window.FIXBOOK_INDEX`: the site, the number of documents, the
///   synonym groups, the message codes, and the first key of every shard.
/// - `assets/search/t/N.js` is shard N: a run of keys in UTF-16 order with their data. A key is a
///   term (its documents, the field masks that are not body-only, each document's impact and the
///   term's inverse document frequency: see `SearchScoring`), `#` and a code key (the documents
///   that claim the code and their messages for it), or `$c`/`$t` and a category or tag (the
///   documents in it, for the result filters).
/// - `assets/search/w/N.js` is a run of the dictionary that misspelled words are corrected from:
///   plain English words in UTF-16 order, each with its term (empty when the same) and the
///   number of articles that hold the term.
/// - `assets/search/d/N.js` is document N: the article as in `search-index.json`, for the
///   result list, its snippet and the phrase bonus.
///
/// Documents are numbered in ranking order (title, then slug) so the ranking's last tie-break
/// needs no data. Every file calls `FixbookSearchData(name, data)`.
enum SearchShards {
    /// Raw bytes of key data after which a shard is cut: about 8–15 KB once gzipped.
    static let shardBytes = 24 * 1024
    /// Articles tokenized at a time: enough for all cores, few enough to keep memory flat.
    private static let batchSize = 1024

    /// Writes every file of the split index through `emit`, and returns their paths.
    static func write(
        _ index: SearchIndex, ui: UIStrings, emit: @Sendable (OutputFile) throws -> Void
    ) throws -> [String] {
        let order = index.articles.indices.sorted {
            SearchFields.inRankingOrder(index.articles[$0], index.articles[$1])
        }
        let (keys, dictionary) = entries(index, order: order)
        let shards = try writeRuns(keys, folder: "t", emit: emit)
        var paths = shards.paths
        paths += try order.enumerated().map { $0 }.parallelTryMap { number, article in
            let path = "assets/search/d/\(number).js"
            var buffer = JSONBuffer(scriptSafe: true)
            buffer.raw("FixbookSearchData(\"d/\(number)\",")
            SearchIndexJSON.entry(index.articles[article], into: &buffer)
            buffer.raw(");\n")
            try emit(OutputFile(path: path, bytes: buffer.bytes))
            return path
        }
        let (wordPaths, wordKeys) = try writeRuns(dictionary, folder: "w", emit: emit)
        paths += wordPaths
        let absent = SearchScoring.idf(0, documents: index.articles.count, stop: false, ranking: index.ranking)
        let meta = entryScript(index, ui: ui, shardKeys: shards.firstKeys, wordKeys: wordKeys, absentIDF: absent)
        try emit(OutputFile(path: "assets/search-index.js", bytes: meta))
        paths.append("assets/search-index.js")
        return paths
    }

    /// `window.FIXBOOK_INDEX = {…};`: what every query needs before it loads a shard.
    private static func entryScript(
        _ index: SearchIndex, ui: UIStrings, shardKeys: [String], wordKeys: [String], absentIDF: Int
    ) -> [UInt8] {
        let codeKeys = index.codes.keys.sorted(by: SearchTokenizer.utf16Less)
        let messageKeys = codeKeys.filter { SearchTokenizer.messageTokens(ofCodeKey: $0) != nil }
        var out = JSONBuffer(scriptSafe: true)
        out.raw("window.FIXBOOK_INDEX = {\"absentIDF\":")
        out.int(absentIDF)
        out.raw(",\"documents\":")
        out.int(index.articles.count)
        out.raw(",\"exampleCode\":")
        out.string(codeKeys.first { $0.hasPrefix("0x") } ?? codeKeys.first ?? "")
        out.raw(",\"messageKeys\":")
        out.strings(messageKeys)
        out.raw(",\"ranking\":")
        index.ranking.write(into: &out)
        out.raw(",\"shards\":")
        out.strings(shardKeys)
        out.raw(",")
        SearchIndexJSON.siteAndSynonyms(index, into: &out)
        out.raw(",\"ui\":{")
        for (position, string) in ui.byName.enumerated() {
            if position > 0 { out.raw(",") }
            out.string(string.name)
            out.raw(":")
            out.string(string.text)
        }
        out.raw("},\"version\":\(index.version),\"words\":")
        out.strings(wordKeys)
        out.raw("};\n")
        return out.bytes
    }

    /// Every key of the shards with its JSON value, in UTF-16 order, and the dictionary's words
    /// with their JSON values.
    private static func entries(
        _ index: SearchIndex, order: [Int]
    ) -> (keys: [(String, [UInt8])], dictionary: [(String, [UInt8])]) {
        let inverted = invertedIndex(index, order: order)
        var documentOf: [String: Int32] = [:]
        var facets: [String: [Int32]] = [:]
        for (number, article) in order.enumerated() {
            let entry = index.articles[article]
            documentOf[entry.id] = documentOf[entry.id] ?? Int32(number)
            if let category = entry.categoryTitle ?? entry.category {
                facets["$c" + category, default: []].append(Int32(number))
            }
            for tag in Set(entry.tags) { facets["$t" + tag, default: []].append(Int32(number)) }
        }

        let scoring = SearchScoring(ranking: index.ranking, lengths: inverted.lengths)
        let stopTerms = Set(index.ranking.stopTerms)
        let lengths = inverted.lengths
        let lists = inverted.buckets.parallelMap { bucket in
            bucket.lists.entries.map { entry in
                let stop = index.ranking.isStop(entry.key.text, stopTerms: stopTerms)
                return (entry.key.text, entry.value.json(scoring, lengths: lengths, stop: stop))
            }
        }
        var keys = lists.flatMap { $0 }
        for (facet, documents) in facets {
            keys.append((facet, Array("[\"".utf8) + ShardEncoding.documents(documents) + Array("\"]".utf8)))
        }
        for (key, ids) in index.codes {
            keys.append(("#" + key, codeClaims(key, ids: ids, index: index, order: order, documentOf: documentOf)))
        }
        keys.sort { SearchTokenizer.utf16Less($0.0, $1.0) }

        var dictionary: [(String, [UInt8])] = inverted.words.entries.map { entry in
            let term = entry.value
            let lists = inverted.buckets[bucketOf(term)].lists
            let frequency = lists.index(of: term).map { lists[$0].count } ?? 0
            var out = JSONBuffer(scriptSafe: true)
            out.raw("[")
            out.string(term == entry.key ? "" : term.text)
            out.raw(",")
            out.int(frequency)
            out.raw("]")
            return (entry.key.text, out.bytes)
        }
        dictionary.sort { SearchTokenizer.utf16Less($0.0, $1.0) }
        return (keys, dictionary)
    }

    /// Writes keys with their JSON values (in UTF-16 order) as `assets/search/<folder>/N.js`, a run
    /// of about `shardBytes` each, written as soon as it is cut; returns their paths and first keys.
    private static func writeRuns(
        _ entries: [(String, [UInt8])], folder: String, emit: @Sendable (OutputFile) throws -> Void
    ) throws -> (paths: [String], firstKeys: [String]) {
        var paths: [String] = []
        var firstKeys: [String] = []
        var run = JSONBuffer(scriptSafe: true)
        for (position, (key, value)) in entries.enumerated() {
            if run.bytes.isEmpty {
                firstKeys.append(key)
                run.raw("FixbookSearchData(\"\(folder)/\(paths.count)\",{")
            } else {
                run.raw(",")
            }
            run.string(key)
            run.raw(":")
            run.append(value)
            if run.bytes.count >= shardBytes || position == entries.count - 1 {
                run.raw("});\n")
                let path = "assets/search/\(folder)/\(paths.count).js"
                try emit(OutputFile(path: path, bytes: run.bytes))
                paths.append(path)
                run = JSONBuffer(scriptSafe: true)
            }
        }
        return (paths, firstKeys)
    }

    /// The documents of one term with their field masks and body counts, encoded as they arrive
    /// (in ascending order). Most postings of a large index belong to a few thousand common
    /// words: a list turns into a bitmap (a byte for six documents) once that is smaller than its
    /// gaps, and only masks other than body-only are written.
    ///
    /// One thread at a time appends to a list (its bucket's), never from inside another access, so
    /// the run-time exclusivity checks of a class's properties, one per posting, are left out.
    private final class PostingList {
        /// Gaps as `ShardEncoding` writes them, until `bits` takes over.
        @exclusivity(unchecked) var gaps: [UInt8] = []
        /// Six documents a value, once shorter than the gaps.
        @exclusivity(unchecked) var bits: [UInt8]?
        /// Length the gaps have (or would have).
        @exclusivity(unchecked) var gapLength = 0
        /// Each posting's field mask and body count, for its impact.
        @exclusivity(unchecked) var masks: [UInt8] = []
        @exclusivity(unchecked) var bodyCounts: [Int32] = []
        @exclusivity(unchecked) var last = -1

        var count: Int { masks.count }

        func append(_ document: Int, _ counts: SearchFields.TermCounts) {
            let gap = document - last - 1
            gapLength += ShardEncoding.numberLength(gap)
            last = document
            if bits != nil {
                setBit(document)
            } else {
                ShardEncoding.appendNumber(gap, to: &gaps)
                // Short lists stay gaps: a bitmap only pays once it saves real memory.
                if gaps.count > 512, gaps.count > document / 6 + 2 {
                    bits = []
                    for document in ShardEncoding.decodeGaps(gaps) { setBit(document) }
                    gaps = []
                }
            }
            masks.append(counts.mask)
            bodyCounts.append(counts.body)
        }

        private func setBit(_ document: Int) {
            let slot = document / 6
            if bits!.count <= slot { bits!.append(contentsOf: repeatElement(0, count: slot + 1 - bits!.count)) }
            bits![slot] |= 1 << UInt8(document % 6)
        }

        /// `["<documents>","<masks>","<impacts>",idf]`: the documents as the shorter of gaps and
        /// bitmap (`ShardEncoding.documents`); pairs of (postings since the previous pair,
        /// `mask ^ body`) for the masks that are not body-only; each document's impact, or nothing
        /// for a dense term; the term's inverse document frequency.
        func json(_ scoring: SearchScoring, lengths: [[Int32]], stop: Bool) -> [UInt8] {
            var documents = gaps
            let numbers = bits.map(ShardEncoding.decodeBitmap) ?? ShardEncoding.decodeGaps(gaps)
            if let bits {
                if gapLength <= last / 6 + 2 {
                    documents = ShardEncoding.documents(numbers.map { Int32($0) })
                } else {
                    documents = [ShardEncoding.bitmapMark] + bits.map { ShardEncoding.alphabet[Int($0)] }
                }
            }
            var maskPairs: [UInt8] = []
            var lastException = -1
            for (position, mask) in masks.enumerated() where mask != SearchFields.body {
                ShardEncoding.appendNumber(position - lastException - 1, to: &maskPairs)
                ShardEncoding.appendNumber(Int(mask ^ SearchFields.body), to: &maskPairs)
                lastException = position
            }
            var impacts: [UInt8] = []
            if !scoring.isDense(count) {
                for (position, document) in numbers.enumerated() {
                    let counts = SearchFields.TermCounts(mask: masks[position], body: bodyCounts[position])
                    ShardEncoding.appendNumber(scoring.impact(counts, lengths: lengths[document]), to: &impacts)
                }
            }
            return Array("[\"".utf8) + documents + Array("\",\"".utf8) + maskPairs + Array("\",\"".utf8) + impacts
                + Array("\",\(scoring.idf(count, stop: stop))]".utf8)
        }
    }

    /// Some of the terms with their posting lists. Terms are spread over buckets by hash so
    /// the buckets fill on all cores, each touched by one thread at a time.
    private final class Bucket: @unchecked Sendable {
        /// Touched by one thread at a time (see `PostingList` on the exclusivity checks).
        @exclusivity(unchecked) var lists = TokenTable<PostingList>()

        func add(_ term: TokenKey, _ document: Int, _ counts: SearchFields.TermCounts) {
            lists[lists.index(of: term) { PostingList() }].append(document, counts)
        }
    }
    private static let bucketCount = 64

    private static func bucketOf(_ token: TokenKey) -> Int { Int(token.fingerprint >> 32 % UInt64(bucketCount)) }

    /// What the split index is made of: term → documents (in ranking order) with their counts;
    /// each document's field lengths; the dictionary's words with their terms.
    private struct InvertedIndex {
        var buckets: [Bucket]
        var lengths: [[Int32]]
        var words: TokenTable<TokenKey>
    }

    /// The inverted index of every article.
    private static func invertedIndex(_ index: SearchIndex, order: [Int]) -> InvertedIndex {
        let buckets = (0..<bucketCount).map { _ in Bucket() }
        var lengths: [[Int32]] = []
        var words = TokenTable<TokenKey>()
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let batch = Array(order[start..<min(start + batchSize, order.count)])
            // per article, its terms sorted by bucket: bucket b is terms[offsets[b]..<offsets[b + 1]]
            let terms = batch.parallelMap {
                article -> (
                    terms: [(TokenKey, SearchFields.TermCounts)], offsets: [Int], document: SearchFields.DocumentTerms
                ) in
                var document = SearchFields.terms(of: index.articles[article], words: true)
                var offsets = [Int](repeating: 0, count: bucketCount + 1)
                for entry in document.terms { offsets[bucketOf(entry.key) + 1] += 1 }
                for bucket in 0..<bucketCount { offsets[bucket + 1] += offsets[bucket] }
                var next = offsets
                var sorted = [(TokenKey, SearchFields.TermCounts)](
                    repeating: (TokenKey(""), SearchFields.TermCounts()), count: document.terms.count
                )
                for (key, counts) in document.terms {
                    let bucket = bucketOf(key)
                    sorted[next[bucket]] = (key, counts)
                    next[bucket] += 1
                }
                document.terms = []
                return (sorted, offsets, document)
            }
            for article in terms {
                lengths.append(article.document.lengths)
                for (word, term) in article.document.words { _ = words.index(of: word) { term } }
            }
            _ = Array(0..<bucketCount).parallelMap { bucket in
                for (offset, article) in terms.enumerated() {
                    for (term, counts) in article.terms[article.offsets[bucket]..<article.offsets[bucket + 1]] {
                        buckets[bucket].add(term, start + offset, counts)
                    }
                }
            }
        }
        return InvertedIndex(buckets: buckets, lengths: lengths, words: words)
    }

    /// `["<documents>",[messages],"<per document: count, message numbers>"]` for one code key.
    private static func codeClaims(
        _ key: String, ids: [String], index: SearchIndex, order: [Int], documentOf: [String: Int32]
    ) -> [UInt8] {
        let documents = Array(Set(ids.compactMap { documentOf[$0] })).sorted()
        var messages: [String] = []
        var numbers: [UInt8] = []
        for document in documents {
            var own: [Int] = []
            for code in index.articles[order[Int(document)]].codes where code.key == key {
                guard let message = code.message, !message.isEmpty else { continue }
                let number = messages.firstIndex(of: message) ?? messages.count
                if number == messages.count { messages.append(message) }
                if !own.contains(number) { own.append(number) }
            }
            ShardEncoding.appendNumber(own.count, to: &numbers)
            for number in own { ShardEncoding.appendNumber(number, to: &numbers) }
        }
        var out = JSONBuffer(scriptSafe: true)
        out.raw("[\"")
        out.append(ShardEncoding.documents(documents))
        out.raw("\",")
        out.strings(messages)
        out.raw(",\"")
        out.append(numbers)
        out.raw("\"]")
        return out.bytes
    }
}
