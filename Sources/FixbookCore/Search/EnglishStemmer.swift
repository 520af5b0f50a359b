/// The English Snowball stemmer (Porter2, https://snowballstem.org/algorithms/english/stemmer.html)
/// as the Snowball project's own release 3 implements it: `printing` → print, `archived` → archiv,
/// `generously` → generous. Mirrored by `Templates/assets/search-stemmer.js`;
/// `Tests/Fixtures/search/stemmer-vectors.json` (made by `scripts/stemmer-vectors.py` with the
/// Snowball project's Python port) keeps the two in step.
///
/// Release 3 differs from the algorithm's original description in ways the vectors pin down:
/// more R1 prefixes (emerg, inter, later, organ, past, univers), `ogist` and `lessli` in step 2,
/// `dying`, `lying` and `tying` handled by step 1b instead of the exception list, and the
/// invariant words after step 1a (`inning`, `proceed`, ...) decided by step 1b.
///
/// Every word of every article goes through here, so the algorithm works in place on the word's
/// bytes with integer positions: no strings, no allocation. It expects lower-case a–z and
/// apostrophes; any other byte is treated as a consonant.
enum EnglishStemmer {
    /// The stem of `word`; a word with anything but a–z and apostrophes comes back unchanged.
    static func stem(_ word: String) -> String {
        guard word.utf8.count >= 3 else { return word }
        var word = word
        let stemmed: String? = word.withUTF8 { bytes in
            guard bytes.allSatisfy(isStemmable) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                _ = out.initialize(fromContentsOf: bytes)
                return stem(inPlace: out)
            }
        }
        return stemmed ?? word
    }

    /// Replaces the contents of `out` with the stem of `word` (a–z and apostrophes). `out` keeps
    /// its capacity, so a caller that reuses it stems without allocating.
    static func stem(_ word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: word)
        let count = out.withUnsafeMutableBufferPointer { stem(inPlace: $0) }
        out.removeLast(out.count - count)
    }

    /// Stems the word in `word` in place and returns the length of the stem, which starts at the
    /// buffer's first byte. A stem is never longer than its word.
    static func stem(inPlace word: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let base = word.baseAddress else { return 0 }
        if let length = exceptionalForm(base, word.count) { return length }
        guard word.count >= 3 else { return word.count }
        // A leading apostrophe is dropped; the stem is moved back over it at the end.
        let start = base[0] == Byte.apostrophe ? base + 1 : base
        var stemmer = Stemmer(start, word.count - (start - base))
        stemmer.run()
        if start != base {
            for index in 0..<stemmer.count { base[index] = start[index] }
        }
        return stemmer.count
    }

    /// Whether the stemmer takes the byte as it is: a–z or an apostrophe.
    static func isStemmable(_ byte: UInt8) -> Bool {
        (Byte.a...Byte.z).contains(byte) || byte == Byte.apostrophe
    }

    /// The length of the stem of a word that is an exception to the rules (skis → ski, news →
    /// news), written in place; nil for any other word.
    private static func exceptionalForm(_ word: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int? {
        func equals(_ literal: StaticString) -> Bool {
            isEqual(word, literal)
        }
        switch count {
        case 3:
            if equals("sky") { return 3 }
        case 4:
            if equals("bias") || equals("howe") || equals("news") { return 4 }
            if equals("idly") || equals("skis") { return 3 }
            if equals("ugly") || equals("only") {
                word[3] = Byte.i
                return 4
            }
        case 5:
            if equals("andes") || equals("atlas") { return 5 }
            if equals("early") {
                word[4] = Byte.i
                return 5
            }
            if equals("skies") {
                word[2] = Byte.y
                return 3
            }
        case 6:
            if equals("cosmos") { return 6 }
            if equals("gently") || equals("singly") { return 5 }
        default:
            break
        }
        return nil
    }

    /// Whether the bytes at `bytes` begin with all of `literal`.
    @inline(__always)
    fileprivate static func isEqual(_ bytes: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let other = literal.utf8Start
        for index in 0..<literal.utf8CodeUnitCount where bytes[index] != other[index] { return false }
        return true
    }
}

/// The bytes the algorithm names. `Y` marks a y that is a consonant (after a vowel, or first).
/// Plain literals, so that reading them costs no lazy initialization.
private enum Byte {
    static let apostrophe: UInt8 = 0x27
    static let a: UInt8 = 0x61
    static let d: UInt8 = 0x64
    static let e: UInt8 = 0x65
    static let g: UInt8 = 0x67
    static let i: UInt8 = 0x69
    static let l: UInt8 = 0x6C
    static let s: UInt8 = 0x73
    static let t: UInt8 = 0x74
    static let y: UInt8 = 0x79
    static let z: UInt8 = 0x7A
    static let upperY: UInt8 = 0x59

    // Letter sets, bit n for the letter a + n.
    /// a e i o u y.
    static let vowels: UInt32 = 0x1104111
    /// The letters that do not end a short syllable: a e i o u y w x (and `Y`, tested apart).
    static let vowelsWX: UInt32 = 0x1D04111
    /// The letters before which step 2 removes `li`: c d e g h k m n r t.
    static let validLI: UInt32 = 0xA34DC

    @inline(__always)
    static func isIn(_ mask: UInt32, _ byte: UInt8) -> Bool {
        let offset = byte &- a
        return offset < 26 && mask >> UInt32(offset) & 1 != 0
    }

    @inline(__always)
    static func isVowel(_ byte: UInt8) -> Bool { isIn(vowels, byte) }
}

/// One word being stemmed: its bytes, its current length and its regions. R1 is the part from
/// `p1` on, R2 the part from `p2` on; both are measured once, before step 1, and a suffix is "in
/// R1" when it starts at or after `p1` even once the word has become shorter.
private struct Stemmer {
    let bytes: UnsafeMutablePointer<UInt8>
    var count: Int
    var p1 = 0
    var p2 = 0

    init(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) {
        self.bytes = bytes
        self.count = count
    }

    mutating func run() {
        let markedY = markConsonantY()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        if markedY {
            for index in 0..<count where bytes[index] == Byte.upperY { bytes[index] = Byte.y }
        }
    }

    // MARK: - Tests on the word

    /// Whether the word ends with `suffix`.
    @inline(__always)
    func ends(with suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        let other = suffix.utf8Start
        var index = length - 1
        // From the end: most candidates differ in their last letters.
        while index >= 0 {
            if bytes[count - length + index] != other[index] { return false }
            index -= 1
        }
        return true
    }

    /// Whether the first `length` bytes are exactly `literal`.
    @inline(__always)
    func isExactly(_ literal: StaticString, length: Int) -> Bool {
        length == literal.utf8CodeUnitCount && EnglishStemmer.isEqual(bytes, literal)
    }

    /// Whether a vowel occurs before position `end`.
    func hasVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if Byte.isVowel(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// Whether the part before `end` ends in a short syllable: a non-vowel, a vowel and a
    /// non-vowel other than w, x or Y; a vowel and a non-vowel that are the whole part; or "past".
    func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3, !Byte.isIn(Byte.vowelsWX, bytes[end - 1]), bytes[end - 1] != Byte.upperY,
            Byte.isVowel(bytes[end - 2]), !Byte.isVowel(bytes[end - 3])
        {
            return true
        }
        if end == 2, !Byte.isVowel(bytes[1]), Byte.isVowel(bytes[0]) { return true }
        return end >= 4 && EnglishStemmer.isEqual(bytes + end - 4, "past")
    }

    // MARK: - Edits

    /// Replaces the last `length` bytes with `replacement` (never longer) when they start in R1.
    @inline(__always)
    mutating func replaceInR1(_ length: Int, with replacement: StaticString) {
        let start = count - length
        guard start >= p1 else { return }
        replace(from: start, with: replacement)
    }

    @inline(__always)
    mutating func replace(from start: Int, with replacement: StaticString) {
        let other = replacement.utf8Start
        for index in 0..<replacement.utf8CodeUnitCount { bytes[start + index] = other[index] }
        count = start + replacement.utf8CodeUnitCount
    }

    /// Removes the last `length` bytes when they start in R1.
    @inline(__always)
    mutating func deleteInR1(_ length: Int) {
        if count - length >= p1 { count -= length }
    }

    /// Removes the last `length` bytes when they start in R2.
    @inline(__always)
    mutating func deleteInR2(_ length: Int) {
        if count - length >= p2 { count -= length }
    }

    // MARK: - Prelude and regions

    /// Marks as `Y` an initial y and every y after a vowel, so that they count as consonants.
    /// Left to right: in `ayy` only the first y follows a vowel once the first is marked.
    mutating func markConsonantY() -> Bool {
        var marked = false
        if bytes[0] == Byte.y {
            bytes[0] = Byte.upperY
            marked = true
        }
        var index = 1
        while index < count {
            if bytes[index] == Byte.y, Byte.isVowel(bytes[index - 1]) {
                bytes[index] = Byte.upperY
                marked = true
            }
            index += 1
        }
        return marked
    }

    /// R1 starts after the first non-vowel that follows a vowel, or after one of the prefixes
    /// whose R1 that rule would make too short (gener-ous, commun-ity); R2 is R1 of R1.
    mutating func markRegions() {
        p1 = count
        p2 = count
        if let prefix = regionPrefix() {
            p1 = prefix
        } else {
            guard let end = syllableEnd(from: 0) else { return }
            p1 = end
        }
        p2 = syllableEnd(from: p1) ?? count
    }

    /// The position after the first non-vowel that follows a vowel at or after `start`.
    func syllableEnd(from start: Int) -> Int? {
        var index = start
        while index < count, !Byte.isVowel(bytes[index]) { index += 1 }
        index += 1
        while index < count, Byte.isVowel(bytes[index]) { index += 1 }
        return index < count ? index + 1 : nil
    }

    /// The length of the word's prefix when it is one whose R1 starts right after it, or nil.
    func regionPrefix() -> Int? {
        let prefix: StaticString
        switch bytes[0] {
        case UInt8(ascii: "a"): prefix = "arsen"
        case UInt8(ascii: "c"): prefix = "commun"
        case UInt8(ascii: "e"): prefix = "emerg"
        case UInt8(ascii: "g"): prefix = "gener"
        case UInt8(ascii: "i"): prefix = "inter"
        case UInt8(ascii: "l"): prefix = "later"
        case UInt8(ascii: "o"): prefix = "organ"
        case UInt8(ascii: "p"): prefix = "past"
        case UInt8(ascii: "u"): prefix = "univers"
        default: return nil
        }
        let length = prefix.utf8CodeUnitCount
        return count >= length && EnglishStemmer.isEqual(bytes, prefix) ? length : nil
    }

    // MARK: - Steps

    /// Possessive apostrophes, then plurals: sses → ss, ies/ied → i (ie after one letter), and
    /// s after a part with a vowel other than the letter just before the s (gaps, but gas).
    mutating func step1a() {
        if ends(with: "'s'") {
            count -= 3
        } else if ends(with: "'s") {
            count -= 2
        } else if ends(with: "'") {
            count -= 1
        }
        guard count >= 1 else { return }
        switch bytes[count - 1] {
        case Byte.s:
            if ends(with: "sses") {
                count -= 2
            } else if ends(with: "ies") {
                count -= count - 3 >= 2 ? 2 : 1
            } else if !ends(with: "ss") && !ends(with: "us") && count >= 3 && hasVowel(before: count - 2) {
                count -= 1
            }
        case Byte.d:
            if ends(with: "ied") { count -= count - 3 >= 2 ? 2 : 1 }
        default:
            break
        }
    }

    private enum Step1bSuffix { case eed, ed, ing }

    /// eed/eedly → ee in R1; ed, edly, ing, ingly removed after a part with a vowel, then the
    /// stem tidied: at/bl/iz get their e back, a double consonant is undoubled, a short word gets
    /// an e (hop-ing → hope).
    mutating func step1b() {
        guard count >= 2 else { return }
        let suffix: Step1bSuffix
        let length: Int
        switch bytes[count - 1] {
        case Byte.y:
            if ends(with: "eedly") {
                (suffix, length) = (.eed, 5)
            } else if ends(with: "ingly") {
                (suffix, length) = (.ed, 5)
            } else if ends(with: "edly") {
                (suffix, length) = (.ed, 4)
            } else {
                return
            }
        case Byte.d:
            if ends(with: "eed") {
                (suffix, length) = (.eed, 3)
            } else if ends(with: "ed") {
                (suffix, length) = (.ed, 2)
            } else {
                return
            }
        case Byte.g:
            guard ends(with: "ing") else { return }
            (suffix, length) = (.ing, 3)
        default:
            return
        }
        let stem = count - length
        switch suffix {
        case .eed:
            // succeed, proceed, exceed keep their eed.
            if stem >= p1, !isExactly("succ", length: stem), !isExactly("proc", length: stem),
                !isExactly("exc", length: stem)
            {
                count = stem + 2
            }
            return
        case .ing:
            // dying, lying, tying → die, lie, tie.
            if stem == 2, bytes[1] == Byte.y, !Byte.isVowel(bytes[0]) {
                replace(from: 1, with: "ie")
                return
            }
            // inning, outing, canning, herring, earring, evening stay as they are.
            if isExactly("inn", length: stem) || isExactly("out", length: stem) || isExactly("cann", length: stem)
                || isExactly("herr", length: stem) || isExactly("earr", length: stem)
                || isExactly("even", length: stem)
            {
                return
            }
        case .ed:
            break
        }
        guard hasVowel(before: stem) else { return }
        count = stem
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            bytes[count] = Byte.e
            count += 1
        } else if count >= 2, bytes[count - 1] == bytes[count - 2], isUndoubled(bytes[count - 1]) {
            // add, egg, off (a, e or o and the double, nothing else) keep both letters.
            if !(count == 3 && (bytes[0] == Byte.a || bytes[0] == Byte.e || bytes[0] == UInt8(ascii: "o"))) {
                count -= 1
            }
        } else if count == p1, endsInShortSyllable(count) {
            bytes[count] = Byte.e
            count += 1
        }
    }

    /// The consonants whose doubling step 1b undoes: bb dd ff gg mm nn pp rr tt.
    @inline(__always)
    func isUndoubled(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "b"), Byte.d, UInt8(ascii: "f"), Byte.g, UInt8(ascii: "m"), UInt8(ascii: "n"),
            UInt8(ascii: "p"), UInt8(ascii: "r"), Byte.t:
            return true
        default:
            return false
        }
    }

    /// y (or Y) → i after a non-vowel that is not the first letter: cry → cri, but by, say.
    mutating func step1c() {
        guard count >= 3 else { return }
        let last = bytes[count - 1]
        if last == Byte.y || last == Byte.upperY, !Byte.isVowel(bytes[count - 2]) {
            bytes[count - 1] = Byte.i
        }
    }

    /// Derivational suffixes in R1, the longest that matches: ational → ate, fulness → ful, ...
    mutating func step2() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case Byte.i:
            switch bytes[count - 2] {
            case UInt8(ascii: "c"):
                if ends(with: "anci") {
                    replaceInR1(4, with: "ance")
                } else if ends(with: "enci") {
                    replaceInR1(4, with: "ence")
                }
            case Byte.g:
                if ends(with: "ogi"), count >= 4, bytes[count - 4] == Byte.l { replaceInR1(3, with: "og") }
            case Byte.l:
                if ends(with: "lessli") {
                    replaceInR1(6, with: "less")
                } else if ends(with: "fulli") {
                    replaceInR1(5, with: "ful")
                } else if ends(with: "ousli") {
                    replaceInR1(5, with: "ous")
                } else if ends(with: "entli") {
                    replaceInR1(5, with: "ent")
                } else if ends(with: "abli") {
                    replaceInR1(4, with: "able")
                } else if ends(with: "alli") {
                    replaceInR1(4, with: "al")
                } else if ends(with: "bli") {
                    replaceInR1(3, with: "ble")
                } else if Byte.isIn(Byte.validLI, bytes[count - 3]) {
                    deleteInR1(2)
                }
            case Byte.t:
                if ends(with: "biliti") {
                    replaceInR1(6, with: "ble")
                } else if ends(with: "aliti") {
                    replaceInR1(5, with: "al")
                } else if ends(with: "iviti") {
                    replaceInR1(5, with: "ive")
                }
            default:
                break
            }
        case Byte.l:
            if ends(with: "ational") {
                replaceInR1(7, with: "ate")
            } else if ends(with: "tional") {
                replaceInR1(6, with: "tion")
            }
        case UInt8(ascii: "m"):
            if ends(with: "alism") { replaceInR1(5, with: "al") }
        case UInt8(ascii: "n"):
            if ends(with: "ization") {
                replaceInR1(7, with: "ize")
            } else if ends(with: "ation") {
                replaceInR1(5, with: "ate")
            }
        case UInt8(ascii: "r"):
            if ends(with: "izer") {
                replaceInR1(4, with: "ize")
            } else if ends(with: "ator") {
                replaceInR1(4, with: "ate")
            }
        case Byte.s:
            if ends(with: "iveness") {
                replaceInR1(7, with: "ive")
            } else if ends(with: "fulness") {
                replaceInR1(7, with: "ful")
            } else if ends(with: "ousness") {
                replaceInR1(7, with: "ous")
            }
        case Byte.t:
            if ends(with: "ogist") { replaceInR1(5, with: "og") }
        default:
            break
        }
    }

    /// More derivational suffixes in R1: icate → ic, ness → nothing, ative removed in R2.
    mutating func step3() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case Byte.e:
            if ends(with: "icate") {
                replaceInR1(5, with: "ic")
            } else if ends(with: "ative") {
                if count - 5 >= p1 { deleteInR2(5) }
            } else if ends(with: "alize") {
                replaceInR1(5, with: "al")
            }
        case Byte.i:
            if ends(with: "iciti") { replaceInR1(5, with: "ic") }
        case Byte.l:
            if ends(with: "ational") {
                replaceInR1(7, with: "ate")
            } else if ends(with: "tional") {
                replaceInR1(6, with: "tion")
            } else if ends(with: "ical") {
                replaceInR1(4, with: "ic")
            } else if ends(with: "ful") {
                deleteInR1(3)
            }
        case Byte.s:
            if ends(with: "ness") { deleteInR1(4) }
        default:
            break
        }
    }

    /// Suffixes removed in R2, the longest that matches (ement before ment before ent); ion only
    /// after s or t.
    mutating func step4() {
        guard count >= 2 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "c"):
            if ends(with: "ic") { deleteInR2(2) }
        case Byte.e:
            if ends(with: "ance") || ends(with: "ence") || ends(with: "able") || ends(with: "ible") {
                deleteInR2(4)
            } else if ends(with: "ate") || ends(with: "ive") || ends(with: "ize") {
                deleteInR2(3)
            }
        case Byte.i:
            if ends(with: "iti") { deleteInR2(3) }
        case Byte.l:
            if ends(with: "al") { deleteInR2(2) }
        case UInt8(ascii: "m"):
            if ends(with: "ism") { deleteInR2(3) }
        case UInt8(ascii: "n"):
            if ends(with: "ion"), count >= 4, bytes[count - 4] == Byte.s || bytes[count - 4] == Byte.t {
                deleteInR2(3)
            }
        case UInt8(ascii: "r"):
            if ends(with: "er") { deleteInR2(2) }
        case Byte.s:
            if ends(with: "ous") { deleteInR2(3) }
        case Byte.t:
            if ends(with: "ement") {
                deleteInR2(5)
            } else if ends(with: "ment") {
                deleteInR2(4)
            } else if ends(with: "ent") || ends(with: "ant") {
                deleteInR2(3)
            }
        default:
            break
        }
    }

    /// A final e goes in R2, or in R1 unless a short syllable precedes it; ll → l in R2.
    mutating func step5() {
        guard count >= 1 else { return }
        let end = count - 1
        switch bytes[end] {
        case Byte.e:
            if end >= p2 || (end >= p1 && !endsInShortSyllable(end)) { count = end }
        case Byte.l:
            if end >= p2, end >= 1, bytes[end - 1] == Byte.l { count = end }
        default:
            break
        }
    }
}
