/// Chinese typed with a pinyin input method goes wrong by sound, not by letters: the customer
/// types `anzhuang` and picks 按装 for 安装. Each common character stands for a sound (the first
/// character of its group in `groups`), and the dictionary of corrections holds every Chinese pair
/// of the articles under the sounds of its two characters as well (`dictionaryWord(ofPair:)`), so a
/// pair that no article holds is looked up by its sounds and corrected to a pair that sounds alike.
/// search-core.js reads the same groups (`table`) from the index.
enum ChineseHomophones {
    /// Starts every dictionary word kept by sound: no typed word starts with it, so the English
    /// corrections and the character fallback never see these words.
    static let marker: Unicode.Scalar = "\u{1}"

    /// The groups as the index carries them for the browser: separated by spaces.
    static let table: String = groups.joined(separator: " ")

    private static let first: UInt32 = 0x4E00
    private static let last: UInt32 = 0x9FFF

    /// For each code point from U+4E00 to U+9FFF, the character standing for its sound, or 0.
    private static let sounds: [UInt32] = {
        var sounds = [UInt32](repeating: 0, count: Int(last - first + 1))
        for group in groups {
            guard let standing = group.unicodeScalars.first?.value else { continue }
            for scalar in group.unicodeScalars where (first...last).contains(scalar.value) {
                sounds[Int(scalar.value - first)] = standing
            }
        }
        return sounds
    }()

    /// The character standing for the sound of `scalar`, or nil when it is not a common character.
    static func sound(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard (first...last).contains(scalar.value) else { return nil }
        let standing = sounds[Int(scalar.value - first)]
        return standing == 0 ? nil : Unicode.Scalar(standing)
    }

    /// The prefix under which the dictionary keeps every pair that sounds like `pair`: the marker
    /// and the sounds of its two characters; nil unless `pair` is two common characters.
    static func soundKey(ofPair pair: String) -> String? {
        let scalars = Array(pair.unicodeScalars)
        guard scalars.count == 2, let one = sound(of: scalars[0]), let two = sound(of: scalars[1]) else { return nil }
        var key = String.UnicodeScalarView()
        key.append(contentsOf: [marker, one, two])
        return String(key)
    }

    /// The dictionary word of a pair of UTF-8 `bytes` (the term): its sound key followed by the
    /// pair itself, so that pairs of the same sounds are distinct words next to each other. Calls
    /// `body` only for a pair of two common characters.
    static func withDictionaryWord(
        ofPair bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // Common characters are in the Basic Multilingual Plane: three bytes each.
        guard bytes.count == 6, let one = sound(ofUTF8: bytes, at: 0), let two = sound(ofUTF8: bytes, at: 3) else {
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 13) { word in
            word[0] = UInt8(marker.value)
            write(one, to: word, at: 1)
            write(two, to: word, at: 4)
            for offset in 0..<6 { word[7 + offset] = bytes[offset] }
            body(UnsafeBufferPointer(word))
        }
    }

    private static func sound(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32? {
        let lead = bytes[offset]
        guard lead & 0xF0 == 0xE0 else { return nil }
        let value =
            UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        guard (first...last).contains(value) else { return nil }
        let standing = sounds[Int(value - first)]
        return standing == 0 ? nil : standing
    }

    private static func write(_ value: UInt32, to word: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        word[offset] = 0xE0 | UInt8(value >> 12)
        word[offset + 1] = 0x80 | UInt8((value >> 6) & 0x3F)
        word[offset + 2] = 0x80 | UInt8(value & 0x3F)
    }
}
