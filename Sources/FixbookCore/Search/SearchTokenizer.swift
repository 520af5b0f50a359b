/// The search tokenizer, mirrored exactly by `Templates/assets/search-core.js` (its header comment is
/// the specification). `Tests/Fixtures/search/tokenizer-vectors.json` keeps the two in step.
public enum SearchTokenizer {
    /// NFKC, then lower-case: full-width `０ｘ８００ＣＣＣ０Ｆ` becomes `0x800ccc0f`.
    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// Tokens of `text`: words of letters, marks and digits (`5.1.1` whole), CJK runs as bigrams.
    public static func tokenize(_ text: String) -> [String] {
        tokenizeNormalized(normalize(text))
    }

    /// Tokens of text that is already normalized.
    public static func tokenizeNormalized(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [String] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isCJK(scalar) {
                var end = index
                while end < scalars.count, isCJK(scalars[end]) { end += 1 }
                if end - index == 1 {
                    tokens.append(String(scalar))
                } else {
                    for start in index..<(end - 1) {
                        var pair = String.UnicodeScalarView()
                        pair.append(scalars[start])
                        pair.append(scalars[start + 1])
                        tokens.append(String(pair))
                    }
                }
                index = end
            } else if isWordScalar(scalar) {
                var end = index + 1
                while end < scalars.count {
                    if isWordScalar(scalars[end]) {
                        end += 1
                    } else if scalars[end] == ".", isASCIIDigit(scalars[end - 1]), end + 1 < scalars.count,
                        isASCIIDigit(scalars[end + 1])
                    {
                        end += 1
                    } else {
                        break
                    }
                }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[index..<end])
                tokens.append(String(word))
                index = end
            } else {
                index += 1
            }
        }
        return tokens
    }

    /// Normalized error-code keys found anywhere in `text`, unique, in order of appearance.
    public static func codeKeys(_ text: String) -> [String] {
        codeKeys(ofTokens: tokenize(text))
    }

    static func codeKeys(ofTokens tokens: [String]) -> [String] {
        var keys: [String] = []
        for token in tokens {
            if let key = codeKey(ofToken: token), !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// The code key of one normalized word token (rules a–e of search-core.js), or nil.
    public static func codeKey(ofToken token: String) -> String? {
        let bytes = Array(token.utf8)
        let isAlnum = { (byte: UInt8) in (48...57).contains(byte) || (97...122).contains(byte) }
        if bytes.count == 10, bytes[0] == 48, bytes[1] == 120, bytes[2...].allSatisfy(isAlnum) {
            return repairHex(Array(bytes[2...])).map { "0x" + $0.uppercased() }
        }
        if bytes.count == 8, bytes.allSatisfy(isAlnum), bytes.contains(where: { (48...57).contains($0) }) {
            guard let repaired = repairHex(bytes), repaired.contains(where: { "abcdef".contains($0) }) else {
                return nil
            }
            return "0x" + repaired.uppercased()
        }
        let allDigits = !bytes.isEmpty && bytes.allSatisfy { (48...57).contains($0) }
        if allDigits, bytes.count == 3, (50...53).contains(bytes[0]) { return token }
        if isEnhancedStatus(bytes) { return token }
        if allDigits, (4...6).contains(bytes.count) { return token }
        return nil
    }

    private static func repairHex(_ bytes: [UInt8]) -> String? {
        let repaired = bytes.map { byte -> UInt8 in
            switch byte {
            case 111: 48  // o → 0
            case 108, 105: 49  // l, i → 1
            default: byte
            }
        }
        guard repaired.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return String(decoding: repaired, as: UTF8.self)
    }

    /// `[245].d{1,3}.d{1,3}`.
    private static func isEnhancedStatus(_ bytes: [UInt8]) -> Bool {
        let parts = bytes.split(separator: 46, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 1, [50, 52, 53].contains(parts[0].first!) else { return false }
        return parts[1...].allSatisfy { (1...3).contains($0.count) && $0.allSatisfy { (48...57).contains($0) } }
    }

    // MARK: - Character classes (explicit ranges, as in search-core.js)

    /// Han, Hiragana, Katakana, Hangul.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }
        return (0x1100...0x11FF).contains(value) || (0x2E80...0x2FDF).contains(value)
            || (0x3005...0x3007).contains(value) || (0x3021...0x3029).contains(value)
            || (0x3038...0x303B).contains(value) || (0x3041...0x309F).contains(value)
            || ((0x30A1...0x30FF).contains(value) && value != 0x30FB) || (0x3131...0x318E).contains(value)
            || (0x31F0...0x31FF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x4E00...0x9FFF).contains(value) || (0xA960...0xA97F).contains(value)
            || (0xAC00...0xD7FF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3FFFF).contains(value)
    }

    /// A letter, mark or decimal digit that is not CJK.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        }
        if isCJK(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// Comparison by UTF-16 code units, as JavaScript's `<` on strings.
    static func utf16Less(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
