/// Writes the search index as JSON by hand, ending in a newline: the same bytes `JSONEncoder`
/// gives with sorted keys and unescaped slashes (a test holds the two equal), at a fraction of its time and memory —
/// the index carries every article's text.
enum SearchIndexJSON {
    static func encode(_ index: SearchIndex) -> [UInt8] {
        var bytes: [UInt8] = []
        write(index) { bytes += $0 }
        return bytes
    }

    /// Articles encoded at a time, on all cores: the whole JSON is never held in memory.
    private static let chunkSize = 2048

    /// Hands `encode`'s bytes to `write` piece by piece.
    static func write(_ index: SearchIndex, to write: (ArraySlice<UInt8>) throws -> Void) rethrows {
        try write(head[...])
        for start in stride(from: 0, to: index.articles.count, by: chunkSize) {
            let positions = Array(start..<min(start + chunkSize, index.articles.count))
            let encoded = positions.parallelMap { position -> [UInt8] in
                (position > 0 ? [UInt8(ascii: ",")] : []) + entry(index.articles[position])
            }
            for piece in encoded { try write(piece[...]) }
        }
        try write(tail(index)[...])
    }

    /// What comes before the articles.
    static let head = Array("{\"articles\":[".utf8)

    /// One article's JSON in `search-index.json`.
    static func entry(_ article: SearchIndex.Entry) -> [UInt8] {
        var buffer = JSONBuffer()
        entry(article, into: &buffer)
        return buffer.bytes
    }

    /// What comes after the articles: the codes, the ranking, the site and the synonyms.
    static func tail(_ index: SearchIndex) -> [UInt8] {
        var out = JSONBuffer()
        out.raw("],\"codes\":{")
        for (position, key) in index.codes.keys.sorted().enumerated() {
            if position > 0 { out.raw(",") }
            out.string(key)
            out.raw(":")
            out.strings(index.codes[key] ?? [])
        }
        out.raw("},\"ranking\":")
        index.ranking.write(into: &out)
        out.raw(",")
        siteAndSynonyms(index, into: &out)
        out.raw(",\"version\":\(index.version)}\n")
        return out.bytes
    }

    /// `"site":{…},"synonyms":[…]`: shared with the split index's entry script.
    static func siteAndSynonyms(_ index: SearchIndex, into out: inout JSONBuffer) {
        out.raw("\"site\":{\"language\":")
        out.string(index.site.language)
        out.raw(",\"title\":")
        out.string(index.site.title)
        out.raw("},\"synonyms\":[")
        for (position, group) in index.synonyms.enumerated() {
            if position > 0 { out.raw(",") }
            out.strings(group)
        }
        out.raw("]")
    }

    /// One article, keys in sorted order; absent optionals are left out, as `JSONEncoder` does.
    static func entry(_ article: SearchIndex.Entry, into out: inout JSONBuffer) {
        out.raw("{")
        out.field("category", article.category, first: true)
        out.field("categoryTitle", article.categoryTitle, first: article.category == nil)
        out.raw(article.category == nil && article.categoryTitle == nil ? "\"codes\":[" : ",\"codes\":[")
        for (position, code) in article.codes.enumerated() {
            if position > 0 { out.raw(",") }
            out.raw("{")
            out.field("code", code.code, first: true)
            out.field("key", code.key)
            out.field("message", code.message)
            if code.quoted == true { out.raw(",\"quoted\":true") }
            out.field("system", code.system)
            out.field("url", code.url)
            out.raw("}")
        }
        out.raw("],\"headings\":")
        out.strings(article.headings)
        out.field("id", article.id)
        out.field("slug", article.slug)
        out.field("summary", article.summary)
        out.raw(",\"symptoms\":")
        out.strings(article.symptoms)
        out.raw(",\"tags\":")
        out.strings(article.tags)
        out.field("text", article.text)
        out.field("title", article.title)
        out.field("updated", article.updated)
        out.field("url", article.url)
        out.raw("}")
    }
}
