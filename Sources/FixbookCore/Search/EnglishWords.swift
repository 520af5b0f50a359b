/// The words that general English commonly uses, for the corrections: a query word that no
/// article holds but that English commonly uses (`router`, `wife`, `thai`) is no misspelling of a
/// word the articles hold (route, widely, that) and is searched as typed, while `recieve` and
/// `outlok`, which English hardly uses, are corrected. The words are wordfreq's commonest
/// (`EnglishCommonWords`); the browser reads the same words from the runs of
/// `assets/search/e/` (`SearchShards`), which it loads only to correct a word.
enum EnglishWords {
    /// The words in UTF-16 order.
    static let sorted: [String] = EnglishCommonWords.lists.flatMap { $0.split(separator: " ").map(String.init) }

    private static let set = Set(sorted)

    /// Whether general English commonly uses `word` (lower-case).
    static func contains(_ word: String) -> Bool { set.contains(word) }

    /// The words cut into the runs of `assets/search/e/`, each with the value 1: the same for
    /// every help center, so cut once.
    static let runs = KeyRuns(folder: "e", keys: sorted) { _ in [UInt8(ascii: "1")] }

    /// Run `number` as the help center publishes it, credited as its licence asks.
    static func file(_ number: Int) -> [UInt8] {
        Array("/* Words: wordfreq by Robyn Speer, CC BY-SA 4.0, https://github.com/rspeer/wordfreq */\n".utf8)
            + runs.file(number)
    }
}
