import Foundation

/// The fields of an article that search looks at, and the terms of an article with the fields
/// that hold them: what `SearchEngine` ranks with and what the split browser index stores. Mirrors
/// `documentTerms()` in `Templates/assets/search-core.js`.
enum SearchFields {
    static let title: UInt8 = 1
    static let symptoms: UInt8 = 2
    static let tags: UInt8 = 4
    static let codes: UInt8 = 8
    static let headings: UInt8 = 16
    static let summary: UInt8 = 32
    static let body: UInt8 = 64
    /// The fields in the order their lengths are kept and their scores added up.
    static let all: [UInt8] = [title, symptoms, tags, codes, headings, summary, body]

    /// How often the body says a term, and which fields hold it.
    struct TermCounts {
        var mask: UInt8 = 0
        var body: Int32 = 0
    }

    /// What one article holds for search.
    struct DocumentTerms {
        /// Each term, in order of first appearance.
        var terms: [(key: TokenKey, counts: TermCounts)]
        /// The number of terms in each field, in the order of `all`.
        var lengths: [Int32]
        /// Its plain English words (a–z, three letters or more) with their terms: the dictionary
        /// a misspelled query word is corrected from; and each Chinese bigram under its two
        /// characters swapped (迟延 → 延迟), so the words that END with a character are found by
        /// a prefix, as those that start with it are in the terms; and each pair of common Chinese
        /// characters under their sounds (`ChineseHomophones`). Empty unless asked for.
        var words: [(word: TokenKey, term: TokenKey)]
    }

    /// The terms of `article` with their fields and counts, and the length of every field; with
    /// `words`, its dictionary words, those by sound too when the ranking corrects by `homophones`.
    static func terms(
        of article: SearchIndex.Entry, words wantWords: Bool = false, homophones: Bool = false
    ) -> DocumentTerms {
        var collector = Collector(wantWords: wantWords, homophones: homophones)
        var folder = SearchTerms.Folder()
        add(SearchTokenizer.normalize(article.title), 0, to: &collector, &folder)
        for symptom in article.symptoms { add(SearchTokenizer.normalize(symptom), 1, to: &collector, &folder) }
        for tag in article.tags { add(SearchTokenizer.normalize(tag), 2, to: &collector, &folder) }
        // (a quoted code is in the symptoms already)
        for code in article.codes where code.quoted != true {
            add(SearchTokenizer.normalize(code.key), 3, to: &collector, &folder)
            add(SearchTokenizer.normalize(code.code), 3, to: &collector, &folder)
            // (the tail a customer types of a mail client's code, `ccc0d` of 0x800CCC0D: the
            // code's own term, not counted in the field's length, as the article says the code once)
            for tail in SearchTokenizer.hexCodeTails(ofKey: code.key) {
                var bytes = tail
                bytes.withUTF8 { collector.add($0, 3, counted: false) }
            }
        }
        for heading in article.headings { add(SearchTokenizer.normalize(heading), 4, to: &collector, &folder) }
        add(SearchTokenizer.normalize(article.summary), 5, to: &collector, &folder)
        add(SearchTokenizer.normalize(article.text), 6, to: &collector, &folder)
        let terms = collector.table.entries.map { ($0.key, $0.value) }
        let words = collector.dictionary.entries.map { ($0.key, terms[$0.value].0) }
        return DocumentTerms(terms: terms, lengths: collector.lengths, words: words)
    }

    /// Adds the terms of normalized `text` to field `position`. The collector and the folder are
    /// passed `inout` rather than captured: a captured variable is checked for exclusive access at
    /// run time on every term.
    private static func add(
        _ text: String, _ position: Int, to collector: inout Collector, _ folder: inout SearchTerms.Folder
    ) {
        SearchTokenizer.forEachWord(in: text) { word, parts in
            if parts > 0 {
                collector.add(word, position)
            } else {
                folder.fold(word) { collector.add($0, position) }
                guard collector.wantWords else { return }
                if folder.wasPlainWord {
                    if word.count >= 3 { _ = collector.addWord(word) }
                } else {
                    SearchTokenizer.withReversedCJKBigram(word) { swapped in
                        // (a pair the article said before has its words already)
                        guard collector.addWord(swapped), collector.homophones else { return }
                        ChineseHomophones.withDictionaryWords(ofPair: word) { _ = collector.addWord($0) }
                    }
                }
            }
        }
    }

    /// The tables `terms(of:)` fills: most of an article's terms are repeats, and a table on their
    /// bytes makes each string once.
    private struct Collector {
        let wantWords: Bool
        let homophones: Bool
        var table = TokenTable<TermCounts>()
        var dictionary = TokenTable<Int>()
        var lengths = [Int32](repeating: 0, count: SearchFields.all.count)
        /// The entry of the last term added: a plain word's only term.
        var last = -1

        init(wantWords: Bool, homophones: Bool) {
            self.wantWords = wantWords
            self.homophones = homophones
        }

        mutating func add(_ term: UnsafeBufferPointer<UInt8>, _ position: Int, counted: Bool = true) {
            let field = SearchFields.all[position]
            last = table.index(ofBytes: term) { TermCounts() }
            table[last].mask |= field
            if field == SearchFields.body { table[last].body += 1 }
            if counted { lengths[position] += 1 }
        }

        /// Adds `word` for the last term; whether it was new to the article.
        mutating func addWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            let term = last
            let count = dictionary.entries.count
            _ = dictionary.index(ofBytes: word) { term }
            return dictionary.entries.count > count
        }
    }
}

/// A token as a dictionary key, hashed by a quick FNV-1a of its UTF-8 bytes. Tokens are
/// normalized already; `String`'s own hashing normalizes again, and tokenizing a large help center
/// makes hundreds of millions of lookups.
struct TokenKey: Hashable {
    let text: String
    /// FNV-1a of the UTF-8 bytes; also picks the split index's bucket.
    let fingerprint: UInt64

    init(_ text: String) {
        self.text = text
        var copy = text
        fingerprint = copy.withUTF8 { Self.fingerprint(of: $0) }
    }

    init(_ text: String, fingerprint: UInt64) {
        self.text = text
        self.fingerprint = fingerprint
    }

    static func fingerprint(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Whether this key is the token made of `bytes`, compared in place with `memcmp`: the
    /// UTF-8 views' own `elementsEqual` steps an index at a time, and a buffer's a byte at a time.
    func hasBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var copy = text
        return copy.withUTF8 { own in
            own.count == bytes.count && (own.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
        }
    }

    static func == (a: TokenKey, b: TokenKey) -> Bool {
        guard a.fingerprint == b.fingerprint else { return false }
        var other = b.text
        return other.withUTF8 { a.hasBytes($0) }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }
}
