/// Where a file that is not UTF-8 goes wrong, and what it probably is instead, so the
/// `unreadable-file` error can point at the byte and tell the editor how to fix the file.
public struct InvalidText: Sendable, Equatable {
    /// 1-based line and column (in characters) of the first byte that is not UTF-8.
    public var line: Int
    public var column: Int
    /// The offending byte.
    public var byte: UInt8
    /// The encoding the bytes read as, when one fits: Chinese editors on Windows save GBK, older
    /// Western ones Windows-1252.
    public var likelyEncoding: String?

    /// The problem in `bytes`, or nil when they are valid UTF-8.
    public static func find(in bytes: [UInt8]) -> InvalidText? {
        guard let offset = firstInvalidUTF8Byte(bytes) else { return nil }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = bom
        for index in bom..<offset where bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
            // CRLF counts once, as the decoded text makes it one line break.
            if bytes[index] == UInt8(ascii: "\n"), index > 0, bytes[index - 1] == UInt8(ascii: "\r") {
                lineStart = index + 1
                continue
            }
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return InvalidText(line: line, column: column, byte: bytes[offset], likelyEncoding: guessEncoding(bytes))
    }

    /// The diagnostic's message.
    public var message: String {
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        var text = "the file is not valid UTF-8: byte \(hex) here does not belong to a UTF-8 character"
        if let likelyEncoding {
            text +=
                "; it looks like \(likelyEncoding) text: save it as UTF-8 (in most editors: Save with Encoding → UTF-8)"
        } else {
            text += "; save the file as UTF-8"
        }
        return text
    }

    /// Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF), or nil.
    static func firstInvalidUTF8Byte(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                second = 0xA0...0xBF
            case 0xED:
                length = 3
                second = 0x80...0x9F
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xF0:
                length = 4
                second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                second = 0x80...0x8F
            default: return index
            }
            for next in 1..<length {
                let position = index + next
                guard position < count, (next == 1 ? second : 0x80...0xBF).contains(bytes[position]) else {
                    return index
                }
            }
            index += length
        }
        return nil
    }

    /// GBK when every byte above ASCII pairs up as a GBK character and most pairs are both high
    /// (Chinese text); otherwise Windows-1252 when every byte is defined there.
    static func guessEncoding(_ bytes: [UInt8]) -> String? {
        var index = 0
        var pairs = 0
        var highPairs = 0
        var pairsUp = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            guard (0x81...0xFE).contains(byte), index + 1 < bytes.count, (0x40...0xFE).contains(bytes[index + 1]),
                bytes[index + 1] != 0x7F
            else {
                pairsUp = false
                break
            }
            pairs += 1
            if bytes[index + 1] >= 0x80 { highPairs += 1 }
            index += 2
        }
        if pairsUp, pairs > 0, highPairs * 2 >= pairs { return "GBK (GB 18030, simplified Chinese)" }
        let undefinedInWindows1252: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        if !bytes.contains(where: { undefinedInWindows1252.contains($0) }) { return "Windows-1252 (Western European)" }
        return nil
    }
}
