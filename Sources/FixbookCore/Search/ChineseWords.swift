/// How often general Chinese writes a word of two characters, for the corrections by sound: a pair
/// the customer typed that Chinese commonly writes (他们, 老伴, 一半) is no typo of the articles'
/// 它们, 老板, 一般, though a word of the same sound, and a pair whose changed character makes such a
/// word with the character on its other side (于十 of 关于十二月: 十二) is a pair across two words.
/// The counts are jieba's (`ChineseWordCounts`); the browser reads the same words from the runs of
/// `assets/search/z/` (`SearchShards`), which it loads only to correct a pair by its sound.
enum ChineseWords {
    /// Every word of the list with its count, in UTF-16 order.
    static let sorted: [(word: String, count: Int)] = ChineseWordCounts.lists.flatMap { line in
        let parts = line.split(separator: " ")
        return stride(from: 0, to: parts.count - 1, by: 2).map { (String(parts[$0]), Int(parts[$0 + 1]) ?? 0) }
    }

    private static let counts = Dictionary(sorted.map { ($0.word, $0.count) }, uniquingKeysWith: { first, _ in first })

    /// How many times jieba's corpus writes `word`; 0 for a word it writes fewer than 10 times.
    static func count(of word: String) -> Int { counts[word] ?? 0 }

    /// The words cut into the runs of `assets/search/z/`, each with its count: the same for every
    /// help center, so cut once.
    static let runs = KeyRuns(folder: "z", keys: sorted.map(\.word)) { Array(String(count(of: $0)).utf8) }
}
