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

    /// The documents of one term's posting list as its entry stores them: as gaps, unless the
    /// gaps grew past 512 characters and past the bitmap's length at some point while the list was
    /// filled in ascending order, and the bitmap is shorter at the end (a bitmap only pays once it
    /// saves real memory while the index is built; see `SearchShards`).
    static func postingDocuments(_ documents: [Int]) -> [UInt8] {
        var gaps: [UInt8] = []
        var previous = -1
        var bitmapOnce = false
        for document in documents {
            appendNumber(document - previous - 1, to: &gaps)
            previous = document
            if !bitmapOnce, gaps.count > 512, gaps.count > document / 6 + 2 { bitmapOnce = true }
        }
        return bitmapOnce ? shortest(gaps: gaps, last: previous) : gaps
    }

    /// A term's entry in a shard, `["<documents>","<masks>","<impacts>",idf]`: the documents
    /// (`postingDocuments`); pairs of (postings since the previous pair, `mask ^ body`) for the
    /// field masks that are not body-only; each document's impact, or nothing for a dense term
    /// (`impacts` nil); the term's inverse document frequency.
    static func termEntry(documents: [Int], masks: [UInt8], impacts: [Int]?, idf: Int) -> [UInt8] {
        var out = Array("[\"".utf8)
        out += postingDocuments(documents)
        out += Array("\",\"".utf8)
        var lastException = -1
        for (position, mask) in masks.enumerated() where mask != SearchFields.body {
            appendNumber(position - lastException - 1, to: &out)
            appendNumber(Int(mask ^ SearchFields.body), to: &out)
            lastException = position
        }
        out += Array("\",\"".utf8)
        for impact in impacts ?? [] { appendNumber(impact, to: &out) }
        out += Array("\",\(idf)]".utf8)
        return out
    }

    /// What `termEntry` wrote.
    static func decodeTermEntry(
        _ entry: [UInt8]
    ) -> (documents: [Int], masks: [UInt8], impacts: [Int]?, idf: Int) {
        // Four fields: three strings of alphabet characters (never escaped) and a number.
        let quote = UInt8(ascii: "\"")
        let quotes = entry.indices.filter { entry[$0] == quote }
        let documentsField = Array(entry[quotes[0] + 1..<quotes[1]])
        let documents =
            documentsField.first == bitmapMark
            ? decodeBitmap(documentsField.dropFirst().map { UInt8(digit[Int($0)]) }) : decodeGaps(documentsField)
        let pairs = decodeNumbers(entry[quotes[2] + 1..<quotes[3]])
        var masks = [UInt8](repeating: SearchFields.body, count: documents.count)
        var position = -1
        for pair in stride(from: 0, to: pairs.count, by: 2) {
            position += pairs[pair] + 1
            masks[position] = UInt8(pairs[pair + 1]) ^ SearchFields.body
        }
        let impacts = decodeNumbers(entry[quotes[4] + 1..<quotes[5]])
        let idf = Int(String(decoding: entry[(quotes[5] + 2)..<(entry.count - 1)], as: UTF8.self)) ?? 1
        return (documents, masks, impacts.isEmpty && !documents.isEmpty ? nil : impacts, idf)
    }

    /// The numbers `appendNumber` wrote one after another.
    static func decodeNumbers(_ characters: ArraySlice<UInt8>) -> [Int] {
        var numbers: [Int] = []
        var value = 0
        var shift = 0
        for character in characters {
            let number = digit[Int(character)]
            if number >= 32 {
                value |= (number - 32) << shift
                shift += 5
            } else {
                numbers.append(value | number << shift)
                value = 0
                shift = 0
            }
        }
        return numbers
    }

    /// The documents of gaps written by `documents`.
    static func decodeGaps(_ gaps: [UInt8]) -> [Int] {
        var document = -1
        return decodeNumbers(gaps[...]).map { gap in
            document += gap + 1
            return document
        }
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
