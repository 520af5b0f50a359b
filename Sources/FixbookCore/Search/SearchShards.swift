/// The search index split for the browser: a query loads a small entry script and only the shards
/// it needs, through `<script>` tags, so a large help center searches from `file://` without
/// downloading the whole index. `Templates/assets/search-core.js` reads it.
///
/// - `assets/search-index.js` sets `window.FIXBOOK_INDEX`: the site, the number of documents, the
///   synonym groups, the message codes, and the first key of every shard.
/// - `assets/search/t/N.js` is shard N: a run of keys in UTF-16 order with their data. A key is a
///   token (its documents, and the field masks that are not body-only), `#` and a code key (the documents
///   that claim the code and their messages for it), or `$c`/`$t` and a category or tag (the
///   documents in it, for the result filters).
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
        var firstKeys: [String] = []
        var paths: [String] = []
        var shard = JSONBuffer(scriptSafe: true)
        // Each shard is written as soon as it is cut.
        func finishShard() throws {
            shard.raw("});\n")
            let bytes = shard.bytes
            let path = "assets/search/t/\(paths.count).js"
            try emit(OutputFile(path: path, bytes: bytes))
            paths.append(path)
            shard = JSONBuffer(scriptSafe: true)
        }
        for (key, value) in entries(index, order: order) {
            if shard.bytes.isEmpty {
                firstKeys.append(key)
                shard.raw("FixbookSearchData(\"t/\(paths.count)\",{")
            } else {
                shard.raw(",")
            }
            shard.string(key)
            shard.raw(":")
            shard.append(value)
            if shard.bytes.count >= shardBytes { try finishShard() }
        }
        if !shard.bytes.isEmpty { try finishShard() }
        paths += try order.enumerated().map { $0 }.parallelTryMap { number, article in
            let path = "assets/search/d/\(number).js"
            var buffer = JSONBuffer(scriptSafe: true)
            buffer.raw("FixbookSearchData(\"d/\(number)\",")
            SearchIndexJSON.entry(index.articles[article], into: &buffer)
            buffer.raw(");\n")
            try emit(OutputFile(path: path, bytes: buffer.bytes))
            return path
        }
        let meta = entryScript(index, ui: ui, shardKeys: firstKeys)
        try emit(OutputFile(path: "assets/search-index.js", bytes: meta))
        paths.append("assets/search-index.js")
        return paths
    }

    /// `window.FIXBOOK_INDEX = {…};`: what every query needs before it loads a shard.
    private static func entryScript(_ index: SearchIndex, ui: UIStrings, shardKeys: [String]) -> [UInt8] {
        let codeKeys = index.codes.keys.sorted(by: SearchTokenizer.utf16Less)
        let messageKeys = codeKeys.filter { SearchTokenizer.messageTokens(ofCodeKey: $0) != nil }
        var out = JSONBuffer(scriptSafe: true)
        out.raw("window.FIXBOOK_INDEX = {\"documents\":")
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
        out.raw("},\"version\":\(index.version)};\n")
        return out.bytes
    }

    /// Every key of the shards with its JSON value, in UTF-16 order.
    private static func entries(_ index: SearchIndex, order: [Int]) -> [(String, [UInt8])] {
        let postings = invertedIndex(index, order: order)
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

        let lists = postings.parallelMap { bucket in bucket.lists.entries.map { ($0.key.text, $0.value.json) } }
        var keys = lists.flatMap { $0 }
        for (facet, documents) in facets {
            keys.append((facet, Array("[\"".utf8) + ShardEncoding.documents(documents) + Array("\"]".utf8)))
        }
        for (key, ids) in index.codes {
            keys.append(("#" + key, codeClaims(key, ids: ids, index: index, order: order, documentOf: documentOf)))
        }
        keys.sort { SearchTokenizer.utf16Less($0.0, $1.0) }
        return keys
    }

    /// The documents of one token and its field masks, encoded as they arrive (in ascending
    /// order). Most postings of a large index belong to a few thousand common words: a list turns
    /// into a bitmap (a byte for six documents) once that is
    /// smaller than its gaps, and only masks other than body-only are kept.
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
        /// Pairs of (postings since the previous pair, `mask ^ body`) for masks that are not body-only.
        @exclusivity(unchecked) var masks: [UInt8] = []
        @exclusivity(unchecked) var count = 0
        @exclusivity(unchecked) var last = -1
        @exclusivity(unchecked) var lastException = -1

        func append(_ document: Int, _ mask: UInt8) {
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
            if mask != SearchFields.body {
                ShardEncoding.appendNumber(count - lastException - 1, to: &masks)
                ShardEncoding.appendNumber(Int(mask ^ SearchFields.body), to: &masks)
                lastException = count
            }
            count += 1
        }

        private func setBit(_ document: Int) {
            let slot = document / 6
            if bits!.count <= slot { bits!.append(contentsOf: repeatElement(0, count: slot + 1 - bits!.count)) }
            bits![slot] |= 1 << UInt8(document % 6)
        }

        /// `["<documents>","<masks>"]`: the shorter of gaps and bitmap, as `ShardEncoding.documents`.
        var json: [UInt8] {
            var documents = gaps
            if let bits {
                if gapLength <= last / 6 + 2 {
                    documents = ShardEncoding.documents(ShardEncoding.decodeBitmap(bits).map { Int32($0) })
                } else {
                    documents = [ShardEncoding.bitmapMark] + bits.map { ShardEncoding.alphabet[Int($0)] }
                }
            }
            return Array("[\"".utf8) + documents + Array("\",\"".utf8) + masks + Array("\"]".utf8)
        }
    }

    /// Some of the tokens with their posting lists. Tokens are spread over buckets by hash so
    /// the buckets fill on all cores, each touched by one thread at a time.
    private final class Bucket: @unchecked Sendable {
        /// Touched by one thread at a time (see `PostingList` on the exclusivity checks).
        @exclusivity(unchecked) var lists = TokenTable<PostingList>()

        func add(_ token: TokenKey, _ document: Int, _ mask: UInt8) {
            lists[lists.index(of: token) { PostingList() }].append(document, mask)
        }
    }
    private static let bucketCount = 64

    private static func bucketOf(_ token: TokenKey) -> Int { Int(token.fingerprint >> 32 % UInt64(bucketCount)) }

    /// Token → documents (in ranking order) and field masks, for every article.
    private static func invertedIndex(_ index: SearchIndex, order: [Int]) -> [Bucket] {
        let buckets = (0..<bucketCount).map { _ in Bucket() }
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let batch = Array(order[start..<min(start + batchSize, order.count)])
            // per article, its tokens sorted by bucket: bucket b is tokens[offsets[b]..<offsets[b + 1]]
            let tokens = batch.parallelMap { article -> (tokens: [(TokenKey, UInt8)], offsets: [Int]) in
                let masks = SearchFields.tokenMasks(of: index.articles[article])
                var offsets = [Int](repeating: 0, count: bucketCount + 1)
                for entry in masks { offsets[bucketOf(entry.key) + 1] += 1 }
                for bucket in 0..<bucketCount { offsets[bucket + 1] += offsets[bucket] }
                var next = offsets
                var sorted = [(TokenKey, UInt8)](repeating: (TokenKey(""), 0), count: masks.count)
                for (key, mask) in masks {
                    let bucket = bucketOf(key)
                    sorted[next[bucket]] = (key, mask)
                    next[bucket] += 1
                }
                return (sorted, offsets)
            }
            _ = Array(0..<bucketCount).parallelMap { bucket in
                for (offset, article) in tokens.enumerated() {
                    for (token, mask) in article.tokens[article.offsets[bucket]..<article.offsets[bucket + 1]] {
                        buckets[bucket].add(token, start + offset, mask)
                    }
                }
            }
        }
        return buckets
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
