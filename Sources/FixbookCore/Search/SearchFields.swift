import Foundation

/// The fields of an article that search looks at, their weights, and the field mask of every token
/// of an article: what `SearchEngine` ranks with and what the split browser index stores. Mirrors
/// `prepare()` in `Templates/assets/search-core.js`.
enum SearchFields {
    static let title: UInt8 = 1
    static let symptoms: UInt8 = 2
    static let tags: UInt8 = 4
    static let codes: UInt8 = 8
    static let headings: UInt8 = 16
    static let summary: UInt8 = 32
    static let body: UInt8 = 64
    /// Total weight of every combination of fields, under `ranking`.
    static func maskWeights(_ ranking: SearchRanking) -> [Double] {
        let weights = ranking.fieldWeights
        return (0..<128).map { mask in weights.reduce(0) { $0 + (UInt8(mask) & $1.0 != 0 ? $1.1 : 0) } }
    }

    /// Each token of `article` with the mask of the fields that contain it.
    static func masks(of article: SearchIndex.Entry) -> [(token: String, mask: UInt8)] {
        tokenMasks(of: article).map { ($0.key.text, $0.mask) }
    }

    /// `masks(of:)` keyed for the split index's tables, in order of first appearance.
    static func tokenMasks(of article: SearchIndex.Entry) -> [(key: TokenKey, mask: UInt8)] {
        // Most of an article's tokens are repeats: a table on their bytes makes each string once.
        var table = TokenTable<UInt8>()
        add(SearchTokenizer.normalize(article.title), title, to: &table)
        for symptom in article.symptoms { add(SearchTokenizer.normalize(symptom), symptoms, to: &table) }
        for tag in article.tags { add(SearchTokenizer.normalize(tag), tags, to: &table) }
        for code in article.codes {
            add(SearchTokenizer.normalize(code.key), codes, to: &table)
            add(SearchTokenizer.normalize(code.code), codes, to: &table)
        }
        for heading in article.headings { add(SearchTokenizer.normalize(heading), headings, to: &table) }
        add(SearchTokenizer.normalize(article.summary), summary, to: &table)
        add(SearchTokenizer.normalize(article.text), body, to: &table)
        return table.entries.map { ($0.key, $0.value) }
    }

    /// Adds `field` to the mask of each token of normalized `text`. The table is passed `inout`
    /// rather than captured: a captured variable is checked for exclusive access at run time on
    /// every token.
    private static func add(_ text: String, _ field: UInt8, to table: inout TokenTable<UInt8>) {
        SearchTokenizer.forEachTokenBytes(in: text) { bytes in
            let index = table.index(ofBytes: bytes) { 0 }
            table[index] |= field
        }
    }

    /// Search order of articles, the last tie-break of the ranking: by title, then slug, both by
    /// UTF-16 code units. The split index numbers its documents in this order.
    static func inRankingOrder(_ a: SearchIndex.Entry, _ b: SearchIndex.Entry) -> Bool {
        if a.title != b.title { return SearchTokenizer.utf16Less(a.title, b.title) }
        return SearchTokenizer.utf16Less(a.slug, b.slug)
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
