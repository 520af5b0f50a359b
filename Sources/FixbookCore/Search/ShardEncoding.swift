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
        guard let last = documents.last, Int(last) / 6 + 2 < gaps.count else { return gaps }
        var bits = [UInt8](repeating: 0, count: Int(last) / 6 + 1)
        for document in documents { bits[Int(document) / 6] |= 1 << UInt8(document % 6) }
        return [bitmapMark] + bits.map { alphabet[Int($0)] }
    }
}
