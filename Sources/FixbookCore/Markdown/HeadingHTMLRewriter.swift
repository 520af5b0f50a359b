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
        var index = 0
        var openHeading: (level: UInt8, anchor: String)?
        let label = Array(escapeHTML(copyLinkLabel).utf8)

        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let heading = openHeading, matches(bytes, at: index, "</h"),
                index + 3 < bytes.count, bytes[index + 3] == heading.level
            {
                output += Array(" <a class=\"heading-anchor\" href=\"#".utf8)
                output += Array(escapeHTML(encodeFragment(heading.anchor)).utf8)
                output += Array("\" aria-label=\"".utf8) + label + Array("\">#</a>".utf8)
                openHeading = nil
            }
            if bytes[index] == UInt8(ascii: " "), matches(bytes, at: index, attribute) {
                let valueStart = index + attribute.count
                var valueEnd = valueStart
                while valueEnd < bytes.count, bytes[valueEnd] != UInt8(ascii: "\"") { valueEnd += 1 }
                let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                let position = String(value.prefix { $0 != "-" })
                if let level = headingLevel(endingAt: index, in: bytes), let anchor = anchorsBySourcePosition[position]
                {
                    output += Array(" id=\"".utf8) + Array(escapeHTML(anchor).utf8) + [UInt8(ascii: "\"")]
                    openHeading = (level, anchor)
                }
                index = valueEnd + 1
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The digit of `<hN` when the tag just before `index` is a heading's opening tag.
    private static func headingLevel(endingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard index >= 3, bytes[index - 3] == UInt8(ascii: "<"), bytes[index - 2] == UInt8(ascii: "h") else {
            return nil
        }
        let digit = bytes[index - 1]
        return (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(digit) ? digit : nil
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: String) -> Bool {
        matches(bytes, at: index, Array(literal.utf8))
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: [UInt8]) -> Bool {
        guard index + literal.count <= bytes.count else { return false }
        for offset in literal.indices where bytes[index + offset] != literal[offset] { return false }
        return true
    }
}
