/// The compact text encodings of the split search index, decoded by `decodeDocs` and
/// `decodeNumbers` in `Templates/assets/search-core.js`. Text, not binary, so a shard is a plain
/// script that loads from `file://`; gzip takes care of the rest.
enum ShardEncoding {
    /// 64 characters that need no escaping in JSON or in a script.
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)
    /// Marks a document list written as a bitmap.
    static let bitmapMark = UInt8(ascii: "~")

    /// A number in 5-bit groups, low group first; a character ≥ 32 says another group follows.
    static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        var value = value
        while value >= 32 {
            out.append(alphabet[32 + value & 31])
            value >>= 5
        }
        out.append(alphabet[value])
    }

    /// Ascending document numbers: as gaps (`appendNumber` of the distance minus one), or, when
    /// shorter, as `~` and a bitmap of six documents a character.
    static func documents(_ documents: [Int32]) -> [UInt8] {
        var gaps: [UInt8] = []
        var previous = -1
        for document in documents {
            appendNumber(Int(document) - previous - 1, to: &gaps)
            previous = Int(document)
        }
        return shortest(gaps: gaps, last: previous)
    }

    /// `gaps` as written by `documents`, or the bitmap of the same documents when that is shorter.
    static func shortest(gaps: [UInt8], last: Int) -> [UInt8] {
        guard last >= 0, last / 6 + 2 < gaps.count else { return gaps }
        var bits = [UInt8](repeating: 0, count: last / 6 + 1)
        for document in decodeGaps(gaps) { bits[document / 6] |= 1 << UInt8(document % 6) }
        return [bitmapMark] + bits.map { alphabet[Int($0)] }
    }

    /// How many characters `appendNumber` writes for `value`.
    static func numberLength(_ value: Int) -> Int {
        var length = 1
        var value = value
        while value >= 32 {
            value >>= 5
            length += 1
        }
        return length
    }

    /// The documents of gaps written by `documents`.
    static func decodeGaps(_ gaps: [UInt8]) -> [Int] {
        var documents: [Int] = []
        var document = -1
        var value = 0
        var shift = 0
        for character in gaps {
            let number = digit[Int(character)]
            if number >= 32 {
                value |= (number - 32) << shift
                shift += 5
            } else {
                document += (value | number << shift) + 1
                documents.append(document)
                value = 0
                shift = 0
            }
        }
        return documents
    }

    /// The documents of a bitmap of six documents a value (not yet written as characters).
    static func decodeBitmap(_ bits: [UInt8]) -> [Int] {
        var documents: [Int] = []
        for (slot, value) in bits.enumerated() {
            for bit in 0..<6 where value & (1 << bit) != 0 { documents.append(slot * 6 + bit) }
        }
        return documents
    }

    private static let digit: [Int] = {
        var table = [Int](repeating: 0, count: 128)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = value }
        return table
    }()
}
