import Mustache

/// The theme's content type, `{{% CONTENT_TYPE: FIXBOOK_HTML}}` at the top of each template:
/// the same escaping as Mustache's HTML (`& < > " '`), done on UTF-8 bytes with a fast path for
/// text that needs none, where swift-mustache's own escaper looks every character up in a
/// dictionary.
struct FixbookHTMLContentType: MustacheContentType {
    static let name = "FIXBOOK_HTML"

    func escapeText(_ text: String) -> String {
        escapeHTML(text)
    }
}

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
func escapeHTML(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
        return text
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count + 32)
    for byte in utf8 {
        switch byte {
        case 0x26: bytes += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
        case 0x3C: bytes += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
        case 0x3E: bytes += [0x26, 0x67, 0x74, 0x3B]  // &gt;
        case 0x22: bytes += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
        case 0x27: bytes += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
        default: bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
