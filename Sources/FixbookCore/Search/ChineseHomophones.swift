/// Chinese typed with a pinyin input method goes wrong by sound, not by letters: the customer
/// types `anzhuang` and picks 按装 for 安装. Each common character has one or two sounds (the
/// groups of `groups` it is in), and the dictionary of corrections holds every pair of the articles
/// that is a Chinese word (`words`) under the sounds of its two characters as well
/// (`withDictionaryWords(ofPair:)`), so a pair that no article holds is looked up by its sounds and
/// corrected to a word that sounds alike, never to a pair across two words of an article.
/// search-core.js reads the same groups (`table`) from the index.
enum ChineseHomophones {
    /// Starts every dictionary word kept by sound: no typed word starts with it, so the English
    /// corrections and the character fallback never see these words.
    static let marker: Unicode.Scalar = "\u{1}"

    /// The groups as the index carries them for the browser: separated by spaces.
    static let table: String = groups.joined(separator: " ")

    private static let first: UInt32 = 0x4E00
    private static let last: UInt32 = 0x9FFF
    /// A sound is written in a dictionary word as the private-use character U+E000 + its group's
    /// number: one character, as long as any other.
    private static let soundBase: UInt32 = 0xE000

    /// For each code point from U+4E00 to U+9FFF, its groups' numbers + 1 (0: none), in the order
    /// of the groups: a character has at most two sounds.
    private static let soundTable: [(UInt16, UInt16)] = {
        var table = [(UInt16, UInt16)](repeating: (0, 0), count: Int(last - first + 1))
        for (number, group) in groups.enumerated() {
            for scalar in group.unicodeScalars where (first...last).contains(scalar.value) {
                let slot = Int(scalar.value - first)
                if table[slot].0 == 0 { table[slot].0 = UInt16(number + 1) } else { table[slot].1 = UInt16(number + 1) }
            }
        }
        return table
    }()

    /// Each word of `words` as its two characters' offsets from U+4E00, packed.
    private static let wordPairs: Set<UInt32> = {
        var pairs = Set<UInt32>(minimumCapacity: 110_000)
        for line in words {
            var characters = line.unicodeScalars.makeIterator()
            while let one = characters.next(), let two = characters.next() {
                pairs.insert(packed(one.value, two.value))
            }
        }
        return pairs
    }()

    private static func packed(_ one: UInt32, _ two: UInt32) -> UInt32 { (one - first) << 16 | (two - first) }

    /// Whether the two common characters `one` and `two` make a word of `words`.
    static func isWord(_ one: UInt32, _ two: UInt32) -> Bool {
        (first...last).contains(one) && (first...last).contains(two) && wordPairs.contains(packed(one, two))
    }

    /// The sounds of `value` as the characters that write them, or none when it is not a common
    /// character.
    private static func sounds(of value: UInt32) -> [UInt32] {
        guard (first...last).contains(value) else { return [] }
        let (one, two) = soundTable[Int(value - first)]
        return [one, two].filter { $0 != 0 }.map { soundBase + UInt32($0) - 1 }
    }

    /// The prefixes under which the dictionary keeps the pairs that sound like `pair`: the marker
    /// and a sound of each of its two characters, every combination in the order of the groups;
    /// none unless `pair` is two common characters.
    static func soundKeys(ofPair pair: String) -> [String] {
        let scalars = Array(pair.unicodeScalars)
        guard scalars.count == 2 else { return [] }
        var keys: [String] = []
        for one in sounds(of: scalars[0].value) {
            for two in sounds(of: scalars[1].value) {
                var key = String.UnicodeScalarView()
                key.append(contentsOf: [marker, Unicode.Scalar(one)!, Unicode.Scalar(two)!])
                keys.append(String(key))
            }
        }
        return keys
    }

    /// Calls `body` with each dictionary word of a pair of UTF-8 `bytes` (the term): a sound key
    /// followed by the pair itself, so that pairs of the same sounds are distinct words next to
    /// each other. None unless the pair is a word of two common characters.
    static func withDictionaryWords(
        ofPair bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // Common characters are in the Basic Multilingual Plane: three bytes each.
        guard bytes.count == 6, let one = value(ofUTF8: bytes, at: 0), let two = value(ofUTF8: bytes, at: 3),
            isWord(one, two)
        else { return }
        let (firstSounds, secondSounds) = (sounds(of: one), sounds(of: two))
        guard !firstSounds.isEmpty, !secondSounds.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 13) { word in
            word[0] = UInt8(marker.value)
            for offset in 0..<6 { word[7 + offset] = bytes[offset] }
            for first in firstSounds {
                write(first, to: word, at: 1)
                for second in secondSounds {
                    write(second, to: word, at: 4)
                    body(UnsafeBufferPointer(word))
                }
            }
        }
    }

    private static func value(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32? {
        let lead = bytes[offset]
        guard lead & 0xF0 == 0xE0 else { return nil }
        return UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
    }

    /// Writes a character of the Basic Multilingual Plane above U+07FF as its three UTF-8 bytes.
    private static func write(_ value: UInt32, to word: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        word[offset] = 0xE0 | UInt8(value >> 12)
        word[offset + 1] = 0x80 | UInt8((value >> 6) & 0x3F)
        word[offset + 2] = 0x80 | UInt8(value & 0x3F)
    }
}
