import Foundation

/// A text file of the knowledge base, decoded and with line endings made `\n`.
public struct SourceText: Sendable {
    /// Path relative to the content root, with `/` separators (`bounces/552.md`).
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes raw bytes: UTF-8 (BOM dropped) or UTF-16 with a BOM; CRLF and CR become LF.
    ///
    /// Returns nil for bytes that are not valid text in those encodings.
    public static func decode(_ data: Data) -> String? {
        var decoded: String?
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            decoded = String(data: data.dropFirst(3), encoding: .utf8)
        } else if isUTF16(data) {
            decoded = String(data: data, encoding: .utf16)
        } else {
            // Validated on the bytes in place: through `Data` as a sequence it went a byte at a time.
            decoded = data.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        }
        guard let text = decoded else { return nil }
        return normalizingLineBreaks(text)
    }

    /// True when the bytes start with a UTF-16 byte-order mark.
    public static func isUTF16(_ data: Data) -> Bool {
        data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
    }

    /// The text for showing a line of a file that does not decode: every byte that is not UTF-8
    /// becomes U+FFFD (�), so the editor sees where the problem is.
    public static func decodeForDisplay(_ data: Data) -> String {
        decode(data) ?? normalizingLineBreaks(String(decoding: data, as: UTF8.self))
    }

    private static func normalizingLineBreaks(_ decoded: String) -> String {
        var text = decoded
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // `memchr` on the bytes: the UTF-8 view's `contains` steps an index at a time.
        let hasCarriageReturn = text.withUTF8 { bytes in
            bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
        }
        if hasCarriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }
}
