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
        } else if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            decoded = String(data: data, encoding: .utf16)
        } else {
            decoded = String(validating: data, as: UTF8.self)
        }
        guard var text = decoded else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }
}
