/// The split index of `SearchShards` held by `fixbook serve` together with what its files are made
/// of, so that an edit to a few articles rewrites only what they touch: the entries of the terms
/// they held or hold (documents, impacts, inverse document frequency), the dictionary words of
/// those terms, the filters and code claims that changed, the runs of keys that hold any of these
/// (`KeyRuns`), the articles' own records and the entry script. The files come out byte for byte
/// as `SearchShards.write` writes them for the same index (the random-edit tests compare them).
///
/// An edit that renumbers or rescores everything is built whole: an article added, removed or
/// moved in the ranking order (a title that now sorts elsewhere), a field's rounded average length
/// that moved (`SearchScoring`), a term that stops being dense (dense entries keep no counts to
/// score from), or more than `mostChanged` articles at once.
final class SplitIndex {
    private(set) var index: SearchIndex
    /// Every file of the split index, by path, and `search-index.json`.
    private(set) var files: [String: [UInt8]] = [:]
    /// Each article's part of `search-index.json`, in the order of `index.articles`.
    private var jsonEntries: [[UInt8]]
    private var ui: UIStrings
    /// The article of each document number.
    private var order: [Int]
    private var lengths: [[Int32]]
    /// The terms of each field over all documents.
    private var totals: [Int]
    /// Every key of the shards with its value: terms, filters and code claims.
    private var values: [String: [UInt8]]
    /// The filter and code-claim keys among them (see `SearchShards.facetsAndClaims`).
    private var claimKeys: Set<String>
    private var keys: [String]
    private var shards: KeyRuns
    /// The dictionary: each word's term and the number of documents that hold the word.
    private var words: [String: (term: String, documents: Int)] = [:]
    private var wordsOfTerm: [String: Set<String>] = [:]
    private var dictionary: [String: [UInt8]] = [:]
    private var dictionaryKeys: [String]
    private var wordRuns: KeyRuns

    /// More articles changed at once than this are built whole: a category renamed or a
    /// `codes.yml` edit touches many, and a full build is then as quick.
    static let mostChanged = 64

    init(_ index: SearchIndex, ui: UIStrings) {
        self.index = index
        self.ui = ui
        jsonEntries = index.articles.parallelMap(SearchIndexJSON.entry)
        order = SearchShards.documentOrder(index)
        let parts = SearchShards.parts(index, order: order)
        lengths = parts.lengths
        totals = Self.totals(parts.lengths)
        values = Dictionary(parts.keys, uniquingKeysWith: { first, _ in first })
        claimKeys = Set(SearchShards.facetsAndClaims(index, order: order).map(\.0))
        keys = parts.keys.map(\.0)
        for (word, term, documents) in parts.words {
            words[word] = (term, documents)
            wordsOfTerm[term, default: []].insert(word)
        }
        dictionary = Dictionary(parts.dictionary, uniquingKeysWith: { first, _ in first })
        dictionaryKeys = parts.dictionary.map(\.0)
        let values = values
        shards = KeyRuns(folder: "t", keys: keys) { values[$0]! }
        let dictionary = dictionary
        wordRuns = KeyRuns(folder: "w", keys: dictionaryKeys) { dictionary[$0]! }
        for number in 0..<shards.count { files[shards.path(number)] = shards.file(number) }
        for number in 0..<wordRuns.count { files[wordRuns.path(number)] = wordRuns.file(number) }
        for (number, article) in order.enumerated() {
            files["assets/search/d/\(number).js"] = SearchShards.record(index.articles[article], number: number)
        }
        files[SearchShards.homophonesPath] = SearchShards.homophonesScript(index)
        for file in SearchShards.wordListFiles(index) { files[file.path] = file.bytes }
        files["assets/search-index.js"] = entryScript()
        files["search-index.json"] = json()
    }

    /// `search-index.json`, as `SearchIndexJSON.write` writes it, from the articles' parts.
    private func json() -> [UInt8] {
        var out = SearchIndexJSON.head
        out.reserveCapacity(jsonEntries.reduce(0) { $0 + $1.count + 1 } + 4096)
        for (position, entry) in jsonEntries.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out += entry
        }
        return out + SearchIndexJSON.tail(index)
    }

    private func entryScript() -> [UInt8] {
        SearchShards.entryScript(index, ui: ui, shardKeys: shards.firstKeys, wordKeys: wordRuns.firstKeys)
    }

    private static func totals(_ lengths: [[Int32]]) -> [Int] {
        SearchFields.all.indices.map { field in lengths.reduce(0) { $0 + Int($1[field]) } }
    }

    /// Brings the files up to `new`, rewriting only what its changed articles touch. Returns
    /// false, and leaves everything as it was, when `new` must be built whole (see above).
    func update(to new: SearchIndex, ui newUI: UIStrings) -> Bool {
        guard new.ranking == index.ranking, new.articles.count == index.articles.count else { return false }
        let newOrder = SearchShards.documentOrder(new, likely: order)
        // Entries compared in place: copies would retain every string of every entry.
        let found = index.articles.withUnsafeBufferPointer { before in
            new.articles.withUnsafeBufferPointer { now -> [Int]? in
                var changed: [Int] = []
                for number in newOrder.indices {
                    guard before[order[number]].id == now[newOrder[number]].id else { return nil }
                    if before[order[number]] != now[newOrder[number]] { changed.append(number) }
                    if changed.count > Self.mostChanged { return nil }
                }
                return changed
            }
        }
        guard let changed = found else { return false }

        // The changed documents' terms before and now, and the lengths that score them.
        var newLengths = lengths
        var termsBefore: [SearchFields.DocumentTerms] = []
        var termsNow: [SearchFields.DocumentTerms] = []
        for number in changed {
            let homophones = index.ranking.homophones
            termsBefore.append(
                SearchFields.terms(of: index.articles[order[number]], words: true, homophones: homophones))
            termsNow.append(SearchFields.terms(of: new.articles[newOrder[number]], words: true, homophones: homophones))
            newLengths[number] = termsNow[termsNow.count - 1].lengths
        }
        var newTotals = totals
        for number in changed {
            for field in newTotals.indices {
                newTotals[field] += Int(newLengths[number][field]) - Int(lengths[number][field])
            }
        }
        let scoring = SearchScoring(ranking: new.ranking, documents: newOrder.count, totals: newTotals)
        let scoringBefore = SearchScoring(ranking: index.ranking, documents: order.count, totals: totals)
        guard scoring.averages == scoringBefore.averages,
            let touched = touchedTerms(
                before: termsBefore, now: termsNow, changed: changed, scoring: scoring, lengths: newLengths,
                ranking: new.ranking)
        else { return false }
        var newValues = touched.values
        // A code's claims change only with the articles that claimed or claim it.
        var codes = Set<String>()
        for number in changed {
            codes.formUnion(index.articles[order[number]].codes.map(\.key))
            codes.formUnion(new.articles[newOrder[number]].codes.map(\.key))
        }
        let claims = SearchShards.facetsAndClaims(new, order: newOrder, codes: codes)
        let newClaimKeys = Set(claims.map(\.0)).union(new.codes.keys.map { "#" + $0 })
        for (key, value) in claims where values[key] != value { newValues[key] = value }
        for key in claimKeys where !newClaimKeys.contains(key) { newValues[key] = .some(nil) }

        // Nothing can fail from here on.
        commitTerms(newValues)
        claimKeys = newClaimKeys
        updateDictionary(before: termsBefore, now: termsNow, frequencies: touched.frequencies)
        var newJSONEntries = jsonEntries
        for number in newOrder.indices where newOrder[number] != order[number] {
            newJSONEntries[newOrder[number]] = jsonEntries[order[number]]
        }
        for number in changed {
            files["assets/search/d/\(number).js"] = SearchShards.record(new.articles[newOrder[number]], number: number)
            newJSONEntries[newOrder[number]] = SearchIndexJSON.entry(new.articles[newOrder[number]])
        }
        jsonEntries = newJSONEntries
        index = new
        ui = newUI
        order = newOrder
        lengths = newLengths
        totals = newTotals
        files["assets/search-index.js"] = entryScript()
        files["search-index.json"] = json()
        return true
    }

    /// The new entry of every term the changed documents held or hold (nil for one no document
    /// holds any more; left out when unchanged), from its entry before with the changed documents
    /// redone, and each such term's document count. Nil when a dense term turns sparse: a dense
    /// entry keeps no impacts, and the counts they come from are gone.
    private func touchedTerms(
        before: [SearchFields.DocumentTerms], now: [SearchFields.DocumentTerms], changed: [Int],
        scoring: SearchScoring, lengths: [[Int32]], ranking: SearchRanking
    ) -> (values: [String: [UInt8]?], frequencies: [String: Int])? {
        var holders: [String: [(document: Int, counts: SearchFields.TermCounts)]] = [:]
        for terms in before {
            for entry in terms.terms { holders[entry.key.text] = holders[entry.key.text] ?? [] }
        }
        for (position, number) in changed.enumerated() {
            for entry in now[position].terms { holders[entry.key.text, default: []].append((number, entry.counts)) }
        }
        let changedDocuments = Set(changed)
        let stopTerms = Set(ranking.stopTerms)
        var newValues: [String: [UInt8]?] = [:]
        var frequencies: [String: Int] = [:]
        for (term, holding) in holders {
            var documents: [Int] = []
            var masks: [UInt8] = []
            var impacts: [Int]? = []  // nil while the entry is dense
            if let value = values[term] {
                let old = ShardEncoding.decodeTermEntry(value)
                impacts = old.impacts == nil ? nil : []
                for (position, document) in old.documents.enumerated() where !changedDocuments.contains(document) {
                    documents.append(document)
                    masks.append(old.masks[position])
                    impacts?.append(old.impacts![position])
                }
            }
            let frequency = documents.count + holding.count
            frequencies[term] = frequency
            guard frequency > 0 else {
                if values[term] != nil { newValues[term] = .some(nil) }
                continue
            }
            let dense = scoring.isDense(frequency)
            if impacts == nil, !dense {
                guard documents.isEmpty else { return nil }
                impacts = []
            }
            for (document, counts) in holding {
                let at = documents.firstIndex { $0 > document } ?? documents.count
                documents.insert(document, at: at)
                masks.insert(counts.mask, at: at)
                if !dense { impacts?.insert(scoring.impact(counts, lengths: lengths[document]), at: at) }
            }
            let value = ShardEncoding.termEntry(
                documents: documents, masks: masks, impacts: dense ? nil : impacts,
                idf: scoring.idf(frequency, stop: ranking.isStop(term, stopTerms: stopTerms)))
            if value != values[term] { newValues[term] = value }
        }
        return (newValues, frequencies)
    }

    /// Sets (or removes, for nil) the values of the shard keys given, and rewrites their runs.
    private func commitTerms(_ newValues: [String: [UInt8]?]) {
        var added: [String] = []
        var removed: Set<String> = []
        for (key, value) in newValues {
            if let value {
                if values.updateValue(value, forKey: key) == nil { added.append(key) }
            } else {
                values[key] = nil
                removed.insert(key)
            }
        }
        keys = Self.merged(keys, adding: added, removing: removed)
        let values = values
        let runs = shards.update(keys: keys, changed: Array(newValues.keys)) { values[$0]! }
        write(runs, of: shards)
    }

    /// The dictionary after the changed documents' words went from `before` to `now`:
    /// `frequencies` has the new document count of every term they held or hold.
    private func updateDictionary(
        before: [SearchFields.DocumentTerms], now: [SearchFields.DocumentTerms], frequencies: [String: Int]
    ) {
        var touched = Set<String>()
        for terms in before {
            for (word, _) in terms.words {
                let text = word.text
                guard let known = words[text] else { continue }
                touched.insert(text)
                if known.documents > 1 {
                    words[text] = (known.term, known.documents - 1)
                } else {
                    words[text] = nil
                    wordsOfTerm[known.term]?.remove(text)
                }
            }
        }
        for terms in now {
            for (word, term) in terms.words {
                let text = word.text
                touched.insert(text)
                if let known = words[text] {
                    words[text] = (known.term, known.documents + 1)
                } else {
                    words[text] = (term.text, 1)
                    wordsOfTerm[term.text, default: []].insert(text)
                }
            }
        }
        // A term's document count is part of every entry of its words.
        for term in frequencies.keys { touched.formUnion(wordsOfTerm[term] ?? []) }
        var added: [String] = []
        var removed: Set<String> = []
        var changed: [String] = []
        for word in touched {
            guard let entry = words[word] else {
                if dictionary.removeValue(forKey: word) != nil {
                    removed.insert(word)
                    changed.append(word)
                }
                continue
            }
            let frequency = frequencies[entry.term] ?? 0
            let value = SearchShards.dictionaryEntry(word: word, term: entry.term, frequency: frequency)
            let before = dictionary.updateValue(value, forKey: word)
            if before == nil { added.append(word) }
            if before != value { changed.append(word) }
        }
        dictionaryKeys = Self.merged(dictionaryKeys, adding: added, removing: removed)
        let dictionary = dictionary
        let runs = wordRuns.update(keys: dictionaryKeys, changed: changed) { dictionary[$0]! }
        write(runs, of: wordRuns)
    }

    private func write(_ runs: (changed: [Int], removed: [Int]), of folder: KeyRuns) {
        for number in runs.changed { files[folder.path(number)] = folder.file(number) }
        for number in runs.removed { files[folder.path(number)] = nil }
    }

    /// `keys` (sorted in UTF-16 order) without `removing` and with `adding`, still sorted.
    private static func merged(_ keys: [String], adding: [String], removing: Set<String>) -> [String] {
        guard !adding.isEmpty || !removing.isEmpty else { return keys }
        let adding = adding.sorted(by: SearchTokenizer.utf16Less)
        var out: [String] = []
        out.reserveCapacity(keys.count + adding.count)
        var next = 0
        for key in keys where !removing.contains(key) {
            while next < adding.count, SearchTokenizer.utf16Less(adding[next], key) {
                out.append(adding[next])
                next += 1
            }
            out.append(key)
        }
        out += adding[next...]
        return out
    }
}
