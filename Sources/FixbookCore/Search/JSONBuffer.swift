/// UTF-8 bytes of a JSON document being written, by hand: the search index carries every
/// article's text, and `JSONEncoder` costs several times the time and memory.
struct JSONBuffer {
    private(set) var bytes: [UInt8] = []
    /// Also escape `<`, `>`, `&`, U+2028 and U+2029, so the JSON can sit in a `<script>` or a
    /// `.js` file: no text can close the script, open a comment, or end a JavaScript line.
    var scriptSafe = false

    init(scriptSafe: Bool = false) {
        self.scriptSafe = scriptSafe
    }

    mutating func raw(_ literal: String) {
        bytes += literal.utf8
    }

    /// Bytes that are already JSON (or safe inside a JSON string).
    mutating func append(_ json: [UInt8]) {
        bytes += json
    }

    mutating func int(_ value: Int) {
        raw(String(value))
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
        var value = value
        value.withUTF8 { utf8 in
            // Bytes that need nothing are copied in runs; only the rare special byte is looked at.
            var index = 0
            var runStart = 0
            let special = scriptSafe ? Self.specialInScript : Self.specialInJSON
            while index < utf8.count {
                let byte = utf8[index]
                if !special[Int(byte)] {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                index += 1
                switch byte {
                case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
                case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
                case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
                case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): unicodeEscape(UInt16(byte))
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9 in UTF-8: line ends to JavaScript.
                case 0xE2
                where index + 1 < utf8.count && utf8[index] == 0x80
                    && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
                    unicodeEscape(0x2028 + UInt16(utf8[index + 1] - 0xA8))
                    index += 2
                default: bytes.append(byte)  // any other character starting with E2
                }
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Bytes a JSON string cannot hold as they are: control characters, `"` and `\\`.
    private static let specialInJSON: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    /// Those, and what a script must not see: `<`, `>`, `&`, and 0xE2, which starts U+2028/U+2029.
    private static let specialInScript: [Bool] = (0..<256).map {
        specialInJSON[$0] || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2
    }

    private mutating func unicodeEscape(_ unit: UInt16) {
        let hex = Array("0123456789abcdef".utf8)
        bytes += [0x5C, UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int(unit >> UInt16(shift) & 0xF)]) }
    }
}
