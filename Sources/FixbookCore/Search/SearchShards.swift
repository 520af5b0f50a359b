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
///   number of articles that hold the term; Chinese bigrams are in it under their two characters
///   swapped, for the words that end with a character, and the Chinese words under their sounds
///   (`ChineseHomophones`) in a Chinese help center.
/// - `assets/search/homophones.js`, in a Chinese help center: the common characters by sound, for
///   the browser to look a mistyped Chinese pair up by its sounds.
/// - `assets/search/e/N.js` is a run of the words that general English commonly uses
///   (`EnglishWords`), for the browser not to correct a word the customer spelled right; in a
///   Chinese help center, `assets/search/z/N.js` a run of the words of two Chinese characters with
///   how often Chinese writes each (`ChineseWords`), for the corrections by sound.
/// - `assets/search/d/N.js` is document N: the article as in `search-index.json`, for the
///   result list, its snippet and the phrase bonus.
///
/// Documents are numbered in ranking order (title, then slug) so the ranking's last tie-break
/// needs no data. Every file calls `FixbookSearchData(name, data)`.
enum SearchShards {
    /// Articles tokenized at a time: enough for all cores, few enough to keep memory flat.
    private static let batchSize = 1024

    /// Writes every file of the split index through `emit`, and returns their paths.
    static func write(
        _ index: SearchIndex, ui: UIStrings, emit: @Sendable (OutputFile) throws -> Void
    ) throws -> [String] {
        let order = documentOrder(index)
        let parts = parts(index, order: order)
        let shards = try writeRuns(parts.keys, folder: "t", emit: emit)
        var paths = shards.paths
        paths += try order.enumerated().map { $0 }.parallelTryMap { number, article in
            let path = "assets/search/d/\(number).js"
            try emit(OutputFile(path: path, bytes: record(index.articles[article], number: number)))
            return path
        }
        let (wordPaths, wordKeys) = try writeRuns(parts.dictionary, folder: "w", emit: emit)
        paths += wordPaths
        if let homophones = homophonesScript(index) {
            try emit(OutputFile(path: homophonesPath, bytes: homophones))
            paths.append(homophonesPath)
        }
        for file in wordListFiles(index) {
            try emit(OutputFile(path: file.path, bytes: file.bytes))
            paths.append(file.path)
        }
        let meta = entryScript(index, ui: ui, shardKeys: shards.firstKeys, wordKeys: wordKeys)
        try emit(OutputFile(path: "assets/search-index.js", bytes: meta))
        paths.append("assets/search-index.js")
        return paths
    }

    static let homophonesPath = "assets/search/homophones.js"

    /// The runs of the word lists that keep a word spelled right from being corrected: the common
    /// English words and, in a Chinese help center, the Chinese words with their counts. The same
    /// for every build of `index`'s language, so an edit never rewrites them.
    static func wordListFiles(_ index: SearchIndex) -> [(path: String, bytes: [UInt8])] {
        var files = (0..<EnglishWords.runs.count).map { (EnglishWords.runs.path($0), EnglishWords.file($0)) }
        if index.ranking.homophones {
            files += (0..<ChineseWords.runs.count).map { (ChineseWords.runs.path($0), ChineseWords.runs.file($0)) }
        }
        return files
    }

    /// `assets/search/homophones.js`: the characters by sound, which the browser loads only to
    /// correct a Chinese pair that no article holds; nil unless the ranking corrects by sound.
    static func homophonesScript(_ index: SearchIndex) -> [UInt8]? {
        guard index.ranking.homophones else { return nil }
        var buffer = JSONBuffer(scriptSafe: true)
        buffer.raw("FixbookSearchData(\"homophones\",")
        buffer.string(ChineseHomophones.table)
        buffer.raw(");\n")
        return buffer.bytes
    }

    /// The articles of `index` in the order of their document numbers: the ranking's.
    static func documentOrder(_ index: SearchIndex) -> [Int] {
        // On the titles and slugs alone: comparing entries would copy each one the sort compares.
        let titles = index.articles.map(\.title)
        let slugs = index.articles.map(\.slug)
        return titles.indices.sorted { rankedBefore($0, $1, titles: titles, slugs: slugs) }
    }

    /// `order` when it is still the document order of `index` (no title moved an article), else
    /// the order sorted again: checking takes one comparison an article, sorting many.
    static func documentOrder(_ index: SearchIndex, likely order: [Int]) -> [Int] {
        let titles = index.articles.map(\.title)
        let slugs = index.articles.map(\.slug)
        guard order.count == titles.count,
            order.indices.dropFirst().allSatisfy({
                rankedBefore(order[$0 - 1], order[$0], titles: titles, slugs: slugs)
            })
        else { return documentOrder(index) }
        return order
    }

    /// Search order of articles, the last tie-break of the ranking (`rankingOrder` in
    /// search-core.js): by title, then slug, both by UTF-16 code units.
    private static func rankedBefore(_ a: Int, _ b: Int, titles: [String], slugs: [String]) -> Bool {
        if titles[a] != titles[b] { return SearchTokenizer.utf16Less(titles[a], titles[b]) }
        return SearchTokenizer.utf16Less(slugs[a], slugs[b])
    }

    /// `assets/search/d/<number>.js`: one article for the result list, its snippet and the phrase bonus.
    static func record(_ entry: SearchIndex.Entry, number: Int) -> [UInt8] {
        var buffer = JSONBuffer(scriptSafe: true)
        buffer.raw("FixbookSearchData(\"d/\(number)\",")
        SearchIndexJSON.entry(entry, into: &buffer)
        buffer.raw(");\n")
        return buffer.bytes
    }

    /// `window.FIXBOOK_INDEX = {…};`: what every query needs before it loads a shard.
    static func entryScript(
        _ index: SearchIndex, ui: UIStrings, shardKeys: [String], wordKeys: [String]
    ) -> [UInt8] {
        let absentIDF = SearchScoring.idf(0, documents: index.articles.count, stop: false, ranking: index.ranking)
        let codeKeys = index.codes.keys.sorted(by: SearchTokenizer.utf16Less)
        let messageKeys = codeKeys.filter { SearchTokenizer.messageTokens(ofCodeKey: $0) != nil }
        var out = JSONBuffer(scriptSafe: true)
        out.raw("window.FIXBOOK_INDEX = {\"absentIDF\":")
        out.int(absentIDF)
        out.raw(",\"documents\":")
        out.int(index.articles.count)
        if index.ranking.homophones {
            out.raw(",\"chinese\":")
            out.strings(ChineseWords.runs.firstKeys)
        }
        out.raw(",\"english\":")
        out.strings(EnglishWords.runs.firstKeys)
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

    /// What the split index's files are made of.
    struct Parts {
        /// Every key of the shards with its JSON value, in UTF-16 order.
        var keys: [(String, [UInt8])]
        /// The dictionary's words with their JSON values, in UTF-16 order.
        var dictionary: [(String, [UInt8])]
        /// Each document's field lengths.
        var lengths: [[Int32]]
        /// Each dictionary word's term and the number of documents that hold the word.
        var words: [(word: String, term: String, documents: Int)]
    }

    /// The parts of the split index of `index`, its documents in `order`.
    static func parts(_ index: SearchIndex, order: [Int]) -> Parts {
        let inverted = invertedIndex(index, order: order)
        let scoring = SearchScoring(ranking: index.ranking, lengths: inverted.lengths)
        let stopTerms = Set(index.ranking.stopTerms)
        let lengths = inverted.lengths
        let lists = inverted.buckets.parallelMap { bucket in
            bucket.lists.entries.map { entry in
                let stop = index.ranking.isStop(entry.key.text, stopTerms: stopTerms)
                return (entry.key.text, entry.value.json(scoring, lengths: lengths, stop: stop))
            }
        }
        var keys = lists.flatMap { $0 } + facetsAndClaims(index, order: order)
        keys.sort { SearchTokenizer.utf16Less($0.0, $1.0) }

        var dictionary: [(String, [UInt8])] = inverted.words.entries.map { entry in
            let term = entry.value.term
            let lists = inverted.buckets[bucketOf(term)].lists
            let frequency = lists.index(of: term).map { lists[$0].count } ?? 0
            return (entry.key.text, dictionaryEntry(word: entry.key.text, term: term.text, frequency: frequency))
        }
        dictionary.sort { SearchTokenizer.utf16Less($0.0, $1.0) }
        let words = inverted.words.entries.map { ($0.key.text, $0.value.term.text, $0.value.documents) }
        return Parts(keys: keys, dictionary: dictionary, lengths: lengths, words: words)
    }

    /// A word's entry in the dictionary: its term (empty when the same) and how many documents hold the term.
    static func dictionaryEntry(word: String, term: String, frequency: Int) -> [UInt8] {
        var out = JSONBuffer(scriptSafe: true)
        out.raw("[")
        out.string(term == word ? "" : term)
        out.raw(",")
        out.int(frequency)
        out.raw("]")
        return out.bytes
    }

    /// The keys of the result filters (`$c` and a category, `$t` and a tag) and of the codes
    /// (`#` and a code key), with their JSON values; of the codes, only those in `codes` if given.
    static func facetsAndClaims(
        _ index: SearchIndex, order: [Int], codes: Set<String>? = nil
    ) -> [(String, [UInt8])] {
        var documentOf: [String: Int32] = [:]
        var facets: [String: [Int32]] = [:]
        index.articles.withUnsafeBufferPointer { articles in
            // Fields read in place: a copy of each entry would retain every one of its strings.
            for (number, article) in order.enumerated() {
                documentOf[articles[article].id] = documentOf[articles[article].id] ?? Int32(number)
                if let category = articles[article].categoryTitle ?? articles[article].category {
                    facets["$c" + category, default: []].append(Int32(number))
                }
                for tag in Set(articles[article].tags) { facets["$t" + tag, default: []].append(Int32(number)) }
            }
        }
        var keys: [(String, [UInt8])] = []
        for (facet, documents) in facets {
            keys.append((facet, Array("[\"".utf8) + ShardEncoding.documents(documents) + Array("\"]".utf8)))
        }
        for (key, ids) in index.codes where codes?.contains(key) ?? true {
            keys.append(("#" + key, codeClaims(key, ids: ids, index: index, order: order, documentOf: documentOf)))
        }
        return keys
    }

    /// Writes keys with their JSON values (in UTF-16 order) as `assets/search/<folder>/N.js`, in
    /// runs cut where `ShardRuns` cuts them, each written as soon as it is cut; returns their paths
    /// and first keys.
    private static func writeRuns(
        _ entries: [(String, [UInt8])], folder: String, emit: @Sendable (OutputFile) throws -> Void
    ) throws -> (paths: [String], firstKeys: [String]) {
        var paths: [String] = []
        var firstKeys: [String] = []
        var run = ShardRuns.Run()
        func finish() throws {
            let path = "assets/search/\(folder)/\(paths.count).js"
            try emit(OutputFile(path: path, bytes: run.file(folder: folder, number: paths.count)))
            paths.append(path)
            run = ShardRuns.Run()
        }
        for (key, value) in entries {
            if run.ends(before: key, value) { try finish() }
            if run.isEmpty { firstKeys.append(key) }
            run.add(key, value)
        }
        if !run.isEmpty { try finish() }
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
        /// Each posting's field mask and body count, for its impact.
        @exclusivity(unchecked) var masks: [UInt8] = []
        @exclusivity(unchecked) var bodyCounts: [Int32] = []
        @exclusivity(unchecked) var last = -1

        var count: Int { masks.count }

        func append(_ document: Int, _ counts: SearchFields.TermCounts) {
            let gap = document - last - 1
            last = document
            if bits != nil {
                setBit(document)
            } else {
                ShardEncoding.appendNumber(gap, to: &gaps)
                // Short lists stay gaps: a bitmap only pays once it saves real memory
                // (`ShardEncoding.postingDocuments` writes the entry with the same rule).
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

        /// The term's entry (`ShardEncoding.termEntry`).
        func json(_ scoring: SearchScoring, lengths: [[Int32]], stop: Bool) -> [UInt8] {
            let numbers = bits.map(ShardEncoding.decodeBitmap) ?? ShardEncoding.decodeGaps(gaps)
            let impacts =
                scoring.isDense(count)
                ? nil
                : numbers.enumerated().map { position, document in
                    scoring.impact(
                        SearchFields.TermCounts(mask: masks[position], body: bodyCounts[position]),
                        lengths: lengths[document])
                }
            return ShardEncoding.termEntry(
                documents: numbers, masks: masks, impacts: impacts, idf: scoring.idf(count, stop: stop))
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
        var words: TokenTable<(term: TokenKey, documents: Int)>
    }

    /// The inverted index of every article.
    private static func invertedIndex(_ index: SearchIndex, order: [Int]) -> InvertedIndex {
        let buckets = (0..<bucketCount).map { _ in Bucket() }
        var lengths: [[Int32]] = []
        var words = TokenTable<(term: TokenKey, documents: Int)>()
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let batch = Array(order[start..<min(start + batchSize, order.count)])
            // per article, its terms sorted by bucket: bucket b is terms[offsets[b]..<offsets[b + 1]]
            let terms = batch.parallelMap {
                article -> (
                    terms: [(TokenKey, SearchFields.TermCounts)], offsets: [Int], document: SearchFields.DocumentTerms
                ) in
                var document = SearchFields.terms(
                    of: index.articles[article], words: true, homophones: index.ranking.homophones)
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
                for (word, term) in article.document.words { words[words.index(of: word) { (term, 0) }].documents += 1 }
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

    /// `["<documents>",[messages],"<per document: count × 2 + 1 if it only quotes the code, message
    /// numbers>"]` for one code key.
    private static func codeClaims(
        _ key: String, ids: [String], index: SearchIndex, order: [Int], documentOf: [String: Int32]
    ) -> [UInt8] {
        let documents = Array(Set(ids.compactMap { documentOf[$0] })).sorted()
        var messages: [String] = []
        var numbers: [UInt8] = []
        for document in documents {
            var own: [Int] = []
            var quoted = true
            for code in index.articles[order[Int(document)]].codes where code.key == key {
                quoted = quoted && code.quoted == true
                guard let message = code.message, !message.isEmpty else { continue }
                let number = messages.firstIndex(of: message) ?? messages.count
                if number == messages.count { messages.append(message) }
                if !own.contains(number) { own.append(number) }
            }
            ShardEncoding.appendNumber(own.count * 2 + (quoted ? 1 : 0), to: &numbers)
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
