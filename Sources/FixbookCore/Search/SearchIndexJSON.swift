/// Writes the search index as JSON by hand, ending in a newline: the same bytes `JSONEncoder`
/// gives with sorted keys and unescaped slashes (a test holds the two equal), at a fraction of its time and memory —
/// the index carries every article's text.
enum SearchIndexJSON {
    static func encode(_ index: SearchIndex) -> [UInt8] {
        pieces(index).reduce(into: []) { $0 += $1 }
    }

    /// The document in pieces that concatenate to `encode`'s bytes: the articles are encoded on
    /// all cores, and at 100,000 articles the pieces are written out without ever being joined.
    static func pieces(_ index: SearchIndex) -> [[UInt8]] {
        var pieces: [[UInt8]] = [Array("{\"articles\":[".utf8)]
        pieces += index.articles.enumerated().map { $0 }.parallelMap { position, article -> [UInt8] in
            var buffer = JSONBuffer()
            if position > 0 { buffer.raw(",") }
            entry(article, into: &buffer)
            return buffer.bytes
        }
        var out = JSONBuffer()
        out.raw("],\"codes\":{")
        for (position, key) in index.codes.keys.sorted().enumerated() {
            if position > 0 { out.raw(",") }
            out.string(key)
            out.raw(":")
            out.strings(index.codes[key] ?? [])
        }
        out.raw("},\"site\":{\"language\":")
        out.string(index.site.language)
        out.raw(",\"title\":")
        out.string(index.site.title)
        out.raw("},\"synonyms\":[")
        for (position, group) in index.synonyms.enumerated() {
            if position > 0 { out.raw(",") }
            out.strings(group)
        }
        out.raw("],\"version\":\(index.version)}\n")
        pieces.append(out.bytes)
        return pieces
    }

    /// One article, keys in sorted order; absent optionals are left out, as `JSONEncoder` does.
    private static func entry(_ article: SearchIndex.Entry, into out: inout JSONBuffer) {
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

/// UTF-8 bytes of a JSON document being written.
private struct JSONBuffer {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ literal: String) {
        bytes += literal.utf8
    }

    /// `,"name":"value"` (no comma when `first`); nothing at all for a nil value.
    mutating func field(_ name: String, _ value: String?, first: Bool = false) {
        guard let value else { return }
        raw(first ? "\"\(name)\":" : ",\"\(name)\":")
        string(value)
    }

    mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (position, value) in values.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
            case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
            case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
