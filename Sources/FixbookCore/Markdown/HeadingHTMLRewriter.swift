import Foundation

/// Post-processes cmark's HTML: gives headings their `id` and a copy-link anchor, and drops the
/// `data-sourcepos` attributes that were only needed to find them.
///
/// cmark renders `<h2 data-sourcepos="12:1-12:9">`; the position identifies the heading node, so
/// ids match the heading list exactly even when raw HTML (with `unsafe`) contains headings too.
enum HeadingHTMLRewriter {
    private static let attribute = Array(" data-sourcepos=\"".utf8)

    static func rewrite(
        _ html: UnsafePointer<CChar>, anchorsBySourcePosition: [String: String], copyLinkLabel: String
    ) -> String {
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + anchorsBySourcePosition.count * 96)
        let label = Array(escapeHTML(copyLinkLabel).utf8)
        // Text between the attributes is copied in runs: almost every block element carries one,
        // and a byte-at-a-time copy of every body was a tenth of the Markdown stage.
        var index = 0
        // Where the open heading's closing tag starts, and the anchor to put before it.
        var closing: (at: Int, anchor: String)?
        while index < bytes.count {
            let attributeAt = find(attribute, key: attribute.count - 2, in: bytes, from: index) ?? bytes.count
            if let heading = closing, heading.at < attributeAt {
                output += bytes[index..<heading.at]
                output += Array(" <a class=\"heading-anchor\" href=\"#".utf8)
                output += Array(escapeHTML(encodeFragment(heading.anchor)).utf8)
                output += Array("\" aria-label=\"".utf8) + label + Array("\">#</a>".utf8)
                index = heading.at
                closing = nil
                continue
            }
            output += bytes[index..<attributeAt]
            guard attributeAt < bytes.count else { break }
            let valueStart = attributeAt + attribute.count
            var valueEnd = valueStart
            while valueEnd < bytes.count, bytes[valueEnd] != UInt8(ascii: "\"") { valueEnd += 1 }
            var positionEnd = valueStart
            while positionEnd < valueEnd, bytes[positionEnd] != UInt8(ascii: "-") { positionEnd += 1 }
            let position = String(decoding: bytes[valueStart..<positionEnd], as: UTF8.self)
            if let level = headingLevel(endingAt: attributeAt, in: bytes),
                let anchor = anchorsBySourcePosition[position]
            {
                output += Array(" id=\"".utf8) + Array(escapeHTML(anchor).utf8) + [UInt8(ascii: "\"")]
                let tag = Array("</h".utf8) + [level]
                closing = find(tag, in: bytes, from: valueEnd).map { ($0, anchor) }
            }
            index = valueEnd + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The offset of the first `literal` in `bytes` at or after `start`. `memchr` looks for the
    /// byte at `literal[key]`: a rare one (`=` of the attribute) skips the most text at a time.
    private static func find(
        _ literal: [UInt8], key: Int = 0, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var from = start + key
        while from < bytes.count {
            guard let hit = memchr(base + from, Int32(literal[key]), bytes.count - from) else { return nil }
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base) - key
            if at + literal.count <= bytes.count, memcmp(base + at, literal, literal.count) == 0 { return at }
            from = at + key + 1
        }
        return nil
    }

    /// The digit of `<hN` when the tag just before `index` is a heading's opening tag.
    private static func headingLevel(endingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard index >= 3, bytes[index - 3] == UInt8(ascii: "<"), bytes[index - 2] == UInt8(ascii: "h") else {
            return nil
        }
        let digit = bytes[index - 1]
        return (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(digit) ? digit : nil
    }
}
