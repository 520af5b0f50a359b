/// What a raw word becomes in the index and in a query, so that a customer's word form finds the
/// writer's: English contractions are unfolded (`doesn't`, `doesnt` → does, not) and English
/// words stemmed (`printing` → print); any other word stays as it is. Mirrored by `foldWord` in
/// `Templates/assets/search-core.js`; the tokenizer vectors keep the two in step.
enum SearchTerms {
    /// Contractions typed without their apostrophe, and their common misspellings (`dosent`,
    /// `arnt`: a misspelled contraction is no word the typo correction could find), with the word
    /// they stand for before "not".
    static let negations: [String: String] = [
        "aint": "is", "arent": "are", "arnt": "are", "cannot": "can", "cant": "can", "couldnt": "could",
        "didint": "did", "didnt": "did", "doesent": "does", "doesnt": "does", "dont": "do", "dosent": "does",
        "dosnt": "does", "hadnt": "had", "hasnt": "has", "havent": "have", "havnt": "have", "isnt": "is",
        "shouldnt": "should", "wasent": "was", "wasnt": "was", "werent": "were", "wont": "will", "wouldnt": "would",
    ]

    /// The words before `n't` that are not simply the stem: won't, can't, shan't, ain't.
    static let negatedStems: [String: String] = ["wo": "will", "ca": "can", "sha": "shall", "ai": "is"]

    /// What the other endings after an apostrophe stand for; `'s` stands for nothing searchable.
    static let endings: [(ending: String, word: String?)] = [
        ("ll", "will"), ("re", "are"), ("ve", "have"), ("m", "am"), ("d", "would"), ("s", nil),
    ]

    /// The units of a size typed against its number (25MB, 30M, 2gb), as the one unit they stand
    /// for: the size splits into its number and that unit, so `25MB` finds the article that says
    /// "30 MB", as `25 MB` does.
    static let sizeUnits: [String: String] = [
        "k": "kb", "kb": "kb", "kib": "kb", "m": "mb", "mb": "mb", "mib": "mb",
        "g": "gb", "gb": "gb", "gib": "gb", "t": "tb", "tb": "tb", "tib": "tb",
    ]

    /// The number and the unit of a size typed as one word (`25mb` → 25, mb; `2.5g` → 2.5, gb).
    static func sizeParts(_ word: UnsafeBufferPointer<UInt8>) -> (number: ArraySlice<UInt8>, unit: String)? {
        var end = 0
        var dot = false
        while end < word.count {
            let byte = word[end]
            if (0x30...0x39).contains(byte) {
                end += 1
            } else if byte == UInt8(ascii: "."), !dot, end > 0, end + 1 < word.count,
                (0x30...0x39).contains(word[end + 1])
            {
                dot = true
                end += 1
            } else {
                break
            }
        }
        guard end > 0, end < word.count,
            let unit = sizeUnits[String(decoding: UnsafeBufferPointer(rebasing: word[end...]), as: UTF8.self)]
        else { return nil }
        return (Array(word)[..<end], unit)
    }

    /// Folds words into terms, reusing its buffers from word to word.
    struct Folder {
        private var letters: [UInt8] = []
        private var stem: [UInt8] = []

        /// Whether the last word folded was a plain English word (a–z only), whose one term is its
        /// stem: such words make the dictionary that misspelled query words are corrected from.
        private(set) var wasPlainWord = false

        /// The number of the last word folded when it was a size (`25` of 25mb), folded into its
        /// number and its unit.
        private(set) var sizeNumber: String?

        /// Calls `body` with each term of the raw word `word`.
        mutating func fold(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            wasPlainWord = false
            sizeNumber = nil
            if let size = SearchTerms.sizeParts(word) {
                sizeNumber = String(decoding: size.number, as: UTF8.self)
                Array(size.number).withUnsafeBufferPointer(body)
                return Array(size.unit.utf8).withUnsafeBufferPointer(body)
            }
            guard readLetters(word) else { return body(word) }
            var apostrophe: Int?
            for (position, byte) in letters.enumerated() where byte == 0x27 {
                apostrophe = position
                break
            }
            guard let apostrophe else {
                if letters.count >= 4, letters.last == UInt8(ascii: "t"),
                    let base = SearchTerms.negations[String(decoding: letters, as: UTF8.self)]
                {
                    emit(Array(base.utf8), body)
                    return emit(Array("not".utf8), body)
                }
                wasPlainWord = true
                letters.withUnsafeBufferPointer { EnglishStemmer.stem($0, into: &stem) }
                return stem.withUnsafeBufferPointer(body)
            }
            let ending = String(decoding: letters[(apostrophe + 1)...], as: UTF8.self)
            if apostrophe > 0, letters[apostrophe - 1] == UInt8(ascii: "n"), ending == "t" {
                let base = String(decoding: letters[..<(apostrophe - 1)], as: UTF8.self)
                emit(Array((SearchTerms.negatedStems[base] ?? base).utf8), body)
                return emit(Array("not".utf8), body)
            }
            if let known = SearchTerms.endings.first(where: { $0.ending == ending }) {
                emit(Array(letters[..<apostrophe]), body)
                if let expansion = known.word { emit(Array(expansion.utf8), body) }
                return
            }
            emit(letters, body)
        }

        /// Copies `word` into `letters` when it is English: a–z and apostrophes (' or ’, as ').
        private mutating func readLetters(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            letters.removeAll(keepingCapacity: true)
            var index = 0
            while index < word.count {
                let byte = word[index]
                if (0x61...0x7A).contains(byte) || byte == 0x27 {
                    letters.append(byte)
                    index += 1
                } else if byte == 0xE2, index + 2 < word.count, word[index + 1] == 0x80, word[index + 2] == 0x99 {
                    letters.append(0x27)
                    index += 3
                } else {
                    return false
                }
            }
            return true
        }

        /// Hands over the stem of `word`, its apostrophes dropped (o'clock → oclock); nothing for
        /// an empty word.
        private mutating func emit(_ word: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            let plain = word.filter { $0 != 0x27 }
            guard !plain.isEmpty else { return }
            plain.withUnsafeBufferPointer { EnglishStemmer.stem($0, into: &stem) }
            stem.withUnsafeBufferPointer(body)
        }
    }
}
