/// The search tokenizer, mirrored exactly by `Templates/assets/search-core.js` (its header comment is
/// the specification). `Tests/Fixtures/search/tokenizer-vectors.json` keeps the two in step.
public enum SearchTokenizer {
    /// NFKC, then lower-case: full-width `０ｘ８００ＣＣＣ０Ｆ` becomes `0x800ccc0f`. Slugs, heading
    /// anchors and solution headings fold text the same way, through this fast path.
    public static func normalize(_ text: String) -> String {
        quickNormalize(text) ?? text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// `normalize` without Foundation for text made only of characters whose NFKC form is known
    /// and never composes with a neighbour: ASCII, the common CJK ideographs and punctuation, and
    /// full-width ASCII. Nil for anything else. A help center is mostly such text, and the
    /// general path costs a quarter of a build's CPU.
    static func quickNormalize(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let input = bytes.baseAddress else { return "" }
            var declined = false
            // Written straight into the new string: no mapping makes text longer.
            let result = String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
                var index = 0
                var written = 0
                while index < bytes.count {
                    let lead = input[index]
                    if lead < 0x80 {
                        out[written] = (0x41...0x5A).contains(lead) ? lead + 0x20 : lead
                        written += 1
                        index += 1
                        continue
                    }
                    // Everything kept or mapped here is a three-byte sequence.
                    guard lead & 0xF0 == 0xE0, index + 2 < bytes.count else {
                        declined = true
                        return 0
                    }
                    let value =
                        UInt32(lead & 0x0F) << 12 | UInt32(input[index + 1] & 0x3F) << 6
                        | UInt32(input[index + 2] & 0x3F)
                    switch value {
                    case 0x4E00...0x9FFF, 0x3001...0x3002, 0x300A...0x3011, 0x2018...0x2019, 0x201C...0x201D, 0x2014:
                        out[written] = lead
                        out[written + 1] = input[index + 1]
                        out[written + 2] = input[index + 2]
                        written += 3
                    case 0x3000:
                        out[written] = 0x20
                        written += 1
                    case 0xFF21...0xFF3A:
                        out[written] = UInt8(value - 0xFEE0 + 0x20)
                        written += 1
                    case 0xFF01...0xFF5E:
                        out[written] = UInt8(value - 0xFEE0)
                        written += 1
                    default:
                        declined = true
                        return 0
                    }
                    index += 3
                }
                return written
            }
            return declined ? nil : result
        }
    }

    /// Tokens of `text`: words of letters, marks and digits (`5.1.1` whole), English words
    /// unfolded and stemmed (`doesn't` → does, not; `printing` → print), host names and addresses
    /// in parts and whole, CJK runs as bigrams.
    public static func tokenize(_ text: String) -> [String] {
        tokenizeNormalized(normalize(text))
    }

    /// Tokens of text that is already normalized.
    public static func tokenizeNormalized(_ text: String) -> [String] {
        var tokens: [String] = []
        forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    /// A term of a query, with what the parser needs to know of the word it came from.
    struct QueryTerm {
        var term: String
        /// The raw word, as typed (normalized).
        var word: String
        /// Whether the word was a plain English word (a–z only), one that a misspelling can be
        /// corrected to or from.
        var plain: Bool
        /// For a host name, address or file name: the terms of its words, which come just before it.
        var parts: [String]
    }

    /// The terms of normalized `text`, each with the word it came from.
    static func termsWithWords(_ text: String) -> [QueryTerm] {
        var out: [QueryTerm] = []
        // where the terms of each raw word start in `out`
        var starts: [Int] = []
        var folder = SearchTerms.Folder()
        forEachWord(in: text) { word, parts in
            let raw = String(decoding: word, as: UTF8.self)
            if parts > 0 {
                let first = starts[max(0, starts.count - parts)]
                return out.append(QueryTerm(term: raw, word: raw, plain: false, parts: out[first...].map(\.term)))
            }
            starts.append(out.count)
            let first = out.count
            folder.fold(word) {
                out.append(QueryTerm(term: String(decoding: $0, as: UTF8.self), word: raw, plain: false, parts: []))
            }
            if folder.wasPlainWord, out.count == first + 1 { out[first].plain = true }
            // a size (25mb): an article that gives another size lacks the number, not the unit
            if let number = folder.sizeNumber { out[first].word = number }
        }
        return out
    }

    /// Calls `body` with each token of normalized `text`, in order.
    static func forEachToken(in text: String, _ body: (String) -> Void) {
        forEachTokenBytes(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// `forEachToken` handing over each token's bytes in place, for callers that make a string
    /// only of the tokens they keep: the raw words of `forEachWord`, each folded by `SearchTerms`
    /// (contractions unfolded, English words stemmed).
    static func forEachTokenBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var folder = SearchTerms.Folder()
        forEachWord(in: text) { word, parts in
            if parts > 0 { body(word) } else { folder.fold(word, body) }
        }
    }

    /// The raw words of normalized `text`, in order: each word, CJK bigram or lone CJK character
    /// (`parts` 0), and after the words of a host name, e-mail address or file name
    /// (`mail.example.com`, `user@example.com`, `winmail.dat`) the whole of it, with `parts` the
    /// number of its words. Works on the UTF-8 bytes: a word is always one contiguous run of them.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, _ parts: Int) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            func scalar(at index: Int) -> (Unicode.Scalar, Int) { Self.scalar(in: bytes, at: index) }
            func token(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[start..<end])
            }
            func isASCIIAlphanumeric(_ index: Int) -> Bool {
                index >= 0 && index < bytes.count
                    && ((0x61...0x7A).contains(bytes[index]) || (0x30...0x39).contains(bytes[index]))
            }
            func isASCIILetter(_ index: Int) -> Bool {
                index >= 0 && index < bytes.count && (0x61...0x7A).contains(bytes[index])
            }
            // The compound being read: where it started and how many words it has so far.
            var compoundStart = 0
            var compoundWords = 0
            func endCompound(at end: Int) {
                if compoundWords >= 2 { body(token(compoundStart, end), compoundWords) }
                compoundWords = 0
            }
            var index = 0
            while index < bytes.count {
                let (first, next) = scalar(at: index)
                if isCJK(first) {
                    endCompound(at: index)
                    // overlapping bigrams of the run; a run of one is a unigram
                    var pairStart = index
                    var (previousEnd, cursor) = (next, next)
                    var count = 1
                    while cursor < bytes.count {
                        let (following, after) = scalar(at: cursor)
                        guard isCJK(following) else { break }
                        body(token(pairStart, after), 0)
                        count += 1
                        pairStart = previousEnd
                        previousEnd = after
                        cursor = after
                    }
                    if count == 1 { body(token(index, next), 0) }
                    index = cursor
                } else if isWordScalar(first) {
                    var end = next
                    while end < bytes.count {
                        let (following, after) = scalar(at: end)
                        if isWordScalar(following) {
                            end = after
                        } else if following == ".", (0x30...0x39).contains(bytes[end - 1]), end + 1 < bytes.count,
                            (0x30...0x39).contains(bytes[end + 1])
                        {
                            end = after
                        } else if isApostrophe(following), isASCIILetter(end - 1),
                            isASCIILetter(after)
                        {
                            // an apostrophe inside an English word: doesn't, o'clock
                            end = after
                        } else {
                            break
                        }
                    }
                    if compoundWords == 0 { compoundStart = index }
                    compoundWords += 1
                    body(token(index, end), 0)
                    index = end
                    let joins =
                        end < bytes.count && (bytes[end] == 0x2E || bytes[end] == 0x40) && isASCIIAlphanumeric(end - 1)
                        && isASCIIAlphanumeric(end + 1)
                    if joins { index = end + 1 } else { endCompound(at: end) }
                } else {
                    index = next
                }
            }
            endCompound(at: bytes.count)
        }
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

    /// The tails of a mail client's code key that a customer types for the code (`cc0d`, `ccc0d` of
    /// 0x800CCC0D: its last four and five hex digits, those that hold a digit); none for other
    /// codes. (Each tail repeats the code's postings in the index: two keep the index small.)
    static func hexCodeTails(ofKey key: String) -> [String] {
        guard let code = codeKey(ofToken: key.lowercased()), code.hasPrefix("0x") else { return [] }
        let bytes = Array(code.lowercased().utf8)
        return (4...5).compactMap { length in
            let tail = bytes.suffix(length)
            return tail.contains(where: { (48...57).contains($0) }) ? String(decoding: tail, as: UTF8.self) : nil
        }
    }

    /// The Windows error codes of a query typed in two to four pieces (`0x800 CCC 79`, `800ccc 0e`),
    /// as a customer reading the code aloud or off a screen splits it: pieces of letters and digits
    /// that are no code alone and together make a hexadecimal code starting with 0x or 8, as every
    /// mail client's error code does (so `be 12 face` stays three words).
    static func splitCodeKeys(ofTokens tokens: [String]) -> [String] {
        let isPiece = { (token: String) in
            !token.isEmpty && token.utf8.allSatisfy(isLowerAlphanumeric) && codeKey(ofToken: token) == nil
        }
        var keys: [String] = []
        for start in tokens.indices where isPiece(tokens[start]) {
            var joined = tokens[start]
            for end in (start + 1)..<min(start + 4, tokens.count) {
                guard isPiece(tokens[end]) else { break }
                joined += tokens[end]
                if joined.utf8.count > 10 { break }
                guard joined.hasPrefix("0x") || joined.hasPrefix("8"),
                    let key = codeKey(ofToken: joined), key.hasPrefix("0x"), !keys.contains(key)
                else { continue }
                keys.append(key)
            }
        }
        return keys
    }

    /// The tokens of a code key that is a message (`sender is in prison`), found in a query as a
    /// run of tokens; nil for a key the code rules recognise by itself (`550`, `0x800CCC0F`).
    static func messageTokens(ofCodeKey key: String) -> [String]? {
        let tokens = tokenize(key)
        if tokens.isEmpty || (tokens.count == 1 && codeKey(ofToken: tokens[0]) == key) { return nil }
        return tokens
    }

    /// The code key of one normalized word token (rules a–e of search-core.js), or nil.
    public static func codeKey(ofToken token: String) -> String? {
        let bytes = Array(token.utf8)
        if bytes.count == 10, bytes[0] == 48, bytes[1] == 120, bytes[2...].allSatisfy(isLowerAlphanumeric) {
            return repairHex(Array(bytes[2...])).map { "0x" + $0.uppercased() }
        }
        if bytes.count == 8, bytes.allSatisfy(isLowerAlphanumeric), bytes.contains(where: { (48...57).contains($0) }) {
            guard let repaired = repairHex(bytes), repaired.contains(where: { "abcdef".contains($0) }) else {
                return nil
            }
            return "0x" + repaired.uppercased()
        }
        if isReplyCode(token) || isEnhancedStatus(bytes) { return token }
        let allDigits = !bytes.isEmpty && bytes.allSatisfy { (48...57).contains($0) }
        if allDigits, (4...6).contains(bytes.count) { return token }
        return nil
    }

    /// Whether a code key is an SMTP reply code (rule c: 550; 600 is none).
    public static func isReplyCode(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        return bytes.count == 3 && (50...53).contains(bytes[0]) && bytes.allSatisfy { (48...57).contains($0) }
    }

    /// Whether a code key is an SMTP enhanced status code (rule d: 5.7.26).
    public static func isEnhancedStatusCode(_ key: String) -> Bool { isEnhancedStatus(Array(key.utf8)) }

    /// A digit or a lower-case ASCII letter: what a normalized code is made of.
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...122).contains(byte)
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

    /// The scalar of valid UTF-8 `bytes` that starts at `index`, and the index after it.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), index + 1) }
        var value: UInt32
        var length: Int
        if lead < 0xE0 {
            value = UInt32(lead & 0x1F)
            length = 2
        } else if lead < 0xF0 {
            value = UInt32(lead & 0x0F)
            length = 3
        } else {
            value = UInt32(lead & 0x07)
            length = 4
        }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", index + length)
    }

    /// Calls `body` with the UTF-8 bytes of a token of two CJK characters, the two swapped; does
    /// nothing for any other token. The dictionary's key for the words that end with a character.
    /// On the bytes, without a string: a Chinese article has a bigram at every character.
    static func withReversedCJKBigram(_ token: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void)
    {
        // A CJK character takes 3 or 4 bytes.
        guard token.count >= 6 else { return }
        let (first, middle) = scalar(in: token, at: 0)
        guard middle < token.count, isCJK(first) else { return }
        let (second, end) = scalar(in: token, at: middle)
        guard end == token.count, isCJK(second) else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.count) { swapped in
            for offset in middle..<end { swapped[offset - middle] = token[offset] }
            for offset in 0..<middle { swapped[end - middle + offset] = token[offset] }
            body(UnsafeBufferPointer(swapped))
        }
    }

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
    /// An apostrophe as English writes it, straight or curly (doesn't, doesn’t).
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

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

    /// Comparison by UTF-16 code units, as JavaScript's `<` on strings. Done on the UTF-8 bytes,
    /// whose order is code point order: UTF-16 differs only where a character beyond U+FFFF (a
    /// surrogate pair, U+D800…) meets one in U+E000…U+FFFF, which it then sorts before. Sorting
    /// the index's keys through the UTF-16 views transcoded every character of every comparison.
    static func utf16Less(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                var index = 0
                while index < common, x[index] == y[index] { index += 1 }
                guard index < common else { return x.count < y.count }
                // The lead bytes of the two characters that differ.
                var start = index
                while start > 0, x[start] & 0xC0 == 0x80 { start -= 1 }
                let (leadX, leadY) = (x[start], y[start])
                if leadX >= 0xF0, (0xEE...0xEF).contains(leadY) { return true }
                if leadY >= 0xF0, (0xEE...0xEF).contains(leadX) { return false }
                return x[index] < y[index]
            }
        }
    }

    /// The first position in `sorted` (in `utf16Less` order) whose string is not before `value`.
    static func utf16LowerBound(_ sorted: [String], _ value: String) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if utf16Less(sorted[middle], value) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
