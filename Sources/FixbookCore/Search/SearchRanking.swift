/// The numbers and word lists of the ranking, in one place. `SearchEngine` ranks with them, and
/// the index carries them (`ranking` in `search-index.json` and in `assets/search-index.js`), so
/// the browser's `search-core.js` ranks with exactly the same values and holds none of its own.
public struct SearchRanking: Sendable, Equatable {
    /// What a field weighs in a term's impact (`SearchScoring`).
    public var title = 10.0
    public var symptoms = 8.0
    public var tags = 5.0
    public var codes = 5.0
    public var headings = 3.0
    public var summary = 2.0
    public var body = 1.0
    /// BM25's frequency saturation and length normalisation.
    public var k1 = 1.2
    public var b = 0.75
    /// A term in more than one article in this many is scored without its counts.
    public var denseShare = 8
    /// What a stop word's inverse document frequency is multiplied by: lowered, never dropped.
    public var stopFactor = 0.3
    /// The power BM25's inverse document frequency is raised to (`SearchScoring.idf`): below 1, a
    /// word that a single article happens to say ("PC", "sales" in one symptom) weighs less
    /// against the words of the problem that several articles share, so the article that matches
    /// more of the question wins over the one that matches its rarest aside.
    public var idfExponent = 0.8
    /// What a corrected (misspelled) query word's score is multiplied by.
    public var typoFactor = 0.75
    /// Query words of at least these lengths are corrected at edit distance 1 and 2.
    public var typoOneEdit = 4
    public var typoTwoEdits = 8
    /// At most this many words of a query are corrected (the first ones), so a pasted paragraph
    /// of unknown words does not load the whole dictionary.
    public var typoMaximumWords = 5
    /// At most this many unknown words of a query are checked against general English
    /// (`EnglishWords`) on the way to those: a word English commonly uses (`blank`, `icon`) is no
    /// misspelling and uses up none of `typoMaximumWords`, yet a pasted paragraph does not load
    /// every run of the English word list in the browser.
    public var typoCheckedWords = 10
    /// Whether a Chinese pair that no article holds is searched as a pair of the same sounds
    /// (`ChineseHomophones`): on in a Chinese help center, whose index then carries the sounds.
    public var homophones = false
    /// A pair that Chinese commonly writes (`ChineseWords`: 老伴, 他们) is searched as the articles'
    /// pair of the same sounds only when general Chinese writes that one this many times less: a
    /// term of the help center's trade (外遇 → 外域, 克服 → 客服), not another everyday word (老板).
    public var commonPairMargin = 3
    /// Added once per code key of the query that the article claims.
    public var codeHit = 1000.0
    /// Added, in proportion, when the rest of the query matches the message of a claimed code.
    public var messageBoost = 200.0
    /// A code an article quotes in a symptom (`QuotedCodes`) counts as claimed only when the query
    /// holds at least this share of the rest of the symptom: a pasted bounce line, not the code
    /// alone, whose claimer comes first.
    public var quoteMinimum = 0.5
    /// What a word the customer says did not happen weighs, times its own weight (`NegatedWords`):
    /// the bounce of "they get no bounce" is no bounce the customer is asking about.
    public var negatedFactor = 0.1
    /// The words and phrases after which the next word is negated, and the words skipped between
    /// them (`no` `any` bounce). English everywhere; Chinese ones (也没…) in a Chinese help center.
    public var negations = [
        "no", "without", "never got", "never get", "never gets", "never received", "never receive", "never saw",
        "don't get", "dont get", "doesn't get", "doesnt get", "didn't get", "didnt get", "not even",
        // where the customer already looked: "it isn't in my Unknown folder either"
        "not in", "isn't in", "isnt in", "wasn't in", "wasnt in", "aren't in", "arent in", "weren't in",
    ]
    public var negationFillers = ["a", "an", "any", "the", "my", "our", "your"]
    /// Where the customer already looked, in Chinese, comes before what says so
    /// (不明文件夹也翻过了, 收件箱和不明文件夹里都找不到): these negate the characters before them, back to
    /// punctuation or a space and at most `lookBack` of them. Empty outside Chinese.
    public var negationsBefore: [String] = []
    public var lookBack = 8
    /// The customer's guess at the cause is mostly what it was not ("I assumed the spam filter was
    /// holding it back", 我以为是反垃圾太严): the rest of the clause after one of these weighs
    /// `negatedFactor` too (`NegatedWords`). Chinese ones in a Chinese help center.
    public var guesses = ["thought", "assumed", "assuming"]
    /// A query is searched up to its first this many Unicode scalars (`searchedPart`): a pasted
    /// page of text would otherwise take seconds, most of it in the quoted-passage scan (Algolia
    /// cuts at 512 characters; a pasted bounce with its diagnostic lines fits in 2,000).
    public var maximumQueryLength = 2000
    /// Added when the whole query occurs in the title, a symptom or the body.
    public var phraseTitle = 8.0
    public var phraseSymptom = 6.0
    public var phraseBody = 2.0
    /// Added for each pair of adjacent query words that the title, else a symptom, holds next to
    /// each other (`AdjacentWords`).
    public var pairTitle = 8.0
    public var pairSymptom = 8.0
    /// Words that pair with nothing: `not` and the auxiliary verbs are the grammar of what the
    /// customer says, not its subject ("Outlook won't receive" is no "Outlook won't start").
    public var pairlessWords = [
        "not", "will", "would", "can", "could", "should", "do", "does", "did", "is", "are", "was", "were", "have",
        "has", "had", "be", "been",
    ]
    /// Added, times the share of the query's pieces it holds, for the longest stretch of the
    /// query (its pieces between spaces, in order) that the title, a symptom or the body quotes,
    /// when the stretch is at least `passageMinimum` UTF-16 units long (`QuotedPassage`).
    public var passage = 64.0
    public var passageMinimum = 20
    /// The phrase bonus re-orders only this many first results: the browser fetches the text of
    /// no more articles than these to check it.
    public var phraseCandidates = 20
    /// The last word typed matches index words that start with it once it has this many
    /// characters, and at most this many of them.
    public var prefixMinimum = 2
    public var prefixMaximumWords = 100
    /// Articles that score less than this share of the best are left out: the long tail of
    /// articles that hold a common word of the query.
    public var minimumShare = 0.1
    /// Common English words (and, in a Chinese help center, Chinese ones): they weigh
    /// `stopFactor` of what their frequency says.
    public var stopWords = [
        "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have", "he", "her", "his",
        "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "my", "no", "not", "of", "on", "or", "our",
        "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to",
        "too", "us", "very", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with",
        "would", "you", "your",
        // what a customer adds around the question
        "please", "pls", "plz", "thanks", "thank", "hi", "hello", "hey", "help", "anyone", "someone", "something",
        "anything", "still", "also", "now", "fine", "ok", "okay",
    ]
    /// Chinese function characters: a CJK term that holds one weighs `stopFactor`.
    public var stopCharacters = "的了吗呢吧啊呀是在我你您他她它们这那个和与及或就都也还又很把被给让为什么怎样啥如何请该"

    public init() {}

    /// The ranking of a help center in `language` (a BCP 47 tag): in Chinese (`zh`, `zh-CN`,
    /// `zh-Hant`…), the commonest words of general Chinese (`ChineseCommonWords`) are stop words
    /// too, and in simplified Chinese a word typed with a character of the same sound is corrected
    /// (`homophones`). The English stop
    /// words are everywhere: English product words turn up in every language.
    public init(language: String) {
        let subtags = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.lowercased() }
        if subtags.first == "zh" {
            stopWords += ChineseCommonWords.words
            stopWords += ChineseQuantityWords.words.filter { !ChineseCommonWords.words.contains($0) }
            // "also not": an aside on what the other side did not see (他那边也没收到退信)
            negations += ["也没", "也没有", "也没收到", "也没有收到", "也没看到", "也没提示", "也没报", "也没见到", "也没接到"]
            // (以为 alone is also in 可以为 "can … for", 所以为了 "so, in order to")
            guesses += ["以为是", "我以为", "还以为", "先以为", "本以为", "原以为", "一直以为", "都以为", "他以为", "她以为"]
            negationsBefore = [
                "也翻过", "也翻了", "也是空的", "都找不到", "也找不到", "里也没有", "也看过", "也看了", "也查过",
                "也查了", "也找过", "也找了", "都翻过", "都翻了", "都看过", "都看了", "都查过", "都查了",
                // "searched all over" (翻遍了)
                "都翻遍", "也翻遍", "都找遍", "也找遍", "都看遍", "也看遍", "都查遍", "也查遍",
            ]
            // The sounds are those of simplified characters (GB 2312): not for a traditional site.
            homophones = !subtags.contains { ["hant", "tw", "hk", "mo"].contains($0) }
        }
    }

    /// The ranking of an index built without a language.
    public static let standard = SearchRanking()

    /// The field weights in `SearchFields.all` order.
    var fieldWeightsInOrder: [Double] { [title, symptoms, tags, codes, headings, summary, body] }

    /// The stop words as terms (folded and stemmed as the index stores words), sorted; as read
    /// when the ranking was read from an index.
    var stopTerms: [String] {
        readStopTerms
            ?? Array(Set(stopWords.flatMap(SearchTokenizer.tokenizeNormalized))).sorted(by: SearchTokenizer.utf16Less)
    }
    private var readStopTerms: [String]?

    /// `pairlessWords` as index terms (stemmed), or as read back from an index.
    var pairlessTerms: [String] {
        readPairlessTerms
            ?? Array(Set(pairlessWords.flatMap(SearchTokenizer.tokenizeNormalized))).sorted(
                by: SearchTokenizer.utf16Less)
    }
    private var readPairlessTerms: [String]?

    /// The part of `query` that is searched: its first `maximumQueryLength` Unicode scalars.
    public func searchedPart(_ query: String) -> String {
        let scalars = query.unicodeScalars
        guard scalars.count > maximumQueryLength else { return query }
        return String(String.UnicodeScalarView(scalars.prefix(maximumQueryLength)))
    }

    /// Whether `term` is a stop word or a CJK term with a function character.
    func isStop(_ term: String, stopTerms: Set<String>) -> Bool {
        if stopTerms.contains(term) { return true }
        guard let first = term.unicodeScalars.first, SearchTokenizer.isCJK(first) else { return false }
        return term.unicodeScalars.contains { stopCharacters.unicodeScalars.contains($0) }
    }

    /// `{"b":0.75,…}` with sorted keys, as the index carries it.
    func write(into out: inout JSONBuffer) {
        let fields: [(String, Double)] = [
            ("body", body), ("codes", codes), ("headings", headings), ("summary", summary),
            ("symptoms", symptoms), ("tags", tags), ("title", title),
        ]
        var words = JSONBuffer(scriptSafe: out.scriptSafe)
        words.strings(stopTerms)
        var characters = JSONBuffer(scriptSafe: out.scriptSafe)
        characters.string(stopCharacters)
        var pairless = JSONBuffer(scriptSafe: out.scriptSafe)
        pairless.strings(pairlessTerms)
        var negationList = JSONBuffer(scriptSafe: out.scriptSafe)
        negationList.strings(negations)
        var fillers = JSONBuffer(scriptSafe: out.scriptSafe)
        fillers.strings(negationFillers)
        var before = JSONBuffer(scriptSafe: out.scriptSafe)
        before.strings(negationsBefore)
        var guessList = JSONBuffer(scriptSafe: out.scriptSafe)
        guessList.strings(guesses)
        let members: [(String, [UInt8])] = [
            ("b", Self.number(b)), ("codeHit", Self.number(codeHit)),
            ("commonPairMargin", Self.number(Double(commonPairMargin))),
            ("denseShare", Self.number(Double(denseShare))),
            (
                "fields",
                Array(
                    ("{"
                        + fields.map { "\"\($0.0)\":" + String(decoding: Self.number($0.1), as: UTF8.self) }.joined(
                            separator: ",") + "}").utf8)
            ),
            ("guesses", guessList.bytes),
            ("homophones", Array((homophones ? "true" : "false").utf8)), ("idfExponent", Self.number(idfExponent)),
            ("k1", Self.number(k1)), ("lookBack", Self.number(Double(lookBack))),
            ("maximumQueryLength", Self.number(Double(maximumQueryLength))),
            ("messageBoost", Self.number(messageBoost)),
            ("minimumShare", Self.number(minimumShare)), ("negatedFactor", Self.number(negatedFactor)),
            ("negationFillers", fillers.bytes), ("negations", negationList.bytes),
            ("negationsBefore", before.bytes),
            ("pairSymptom", Self.number(pairSymptom)), ("pairTitle", Self.number(pairTitle)),
            // (after pairTitle: the keys are in UTF-16 order, as JSONEncoder sorts them)
            ("pairless", pairless.bytes),
            ("passage", Self.number(passage)),
            ("passageMinimum", Self.number(Double(passageMinimum))), ("phraseBody", Self.number(phraseBody)),
            ("phraseCandidates", Self.number(Double(phraseCandidates))), ("phraseSymptom", Self.number(phraseSymptom)),
            ("phraseTitle", Self.number(phraseTitle)), ("prefixMaximumWords", Self.number(Double(prefixMaximumWords))),
            ("prefixMinimum", Self.number(Double(prefixMinimum))), ("quoteMinimum", Self.number(quoteMinimum)),
            ("stopCharacters", characters.bytes),
            ("stopFactor", Self.number(stopFactor)), ("stopWords", words.bytes),
            ("typoCheckedWords", Self.number(Double(typoCheckedWords))),
            ("typoFactor", Self.number(typoFactor)),
            ("typoMaximumWords", Self.number(Double(typoMaximumWords))),
            ("typoOneEdit", Self.number(Double(typoOneEdit))),
            ("typoTwoEdits", Self.number(Double(typoTwoEdits))),
        ]
        out.raw("{")
        for (position, (name, value)) in members.enumerated() {
            if position > 0 { out.raw(",") }
            out.string(name)
            out.raw(":")
            out.append(value)
        }
        out.raw("}")
    }

    /// A number as JavaScript writes it: whole numbers without a fraction.
    private static func number(_ value: Double) -> [UInt8] {
        Array((value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)).utf8)
    }
}

/// The JSON form `write(into:)` produces, for `JSONEncoder` and for reading an index back. The
/// stop words are read back as the terms the index holds.
extension SearchRanking: Codable {
    private enum Keys: String, CodingKey {
        case b, codeHit, commonPairMargin, denseShare, fields, guesses, homophones, idfExponent, k1, messageBoost,
            minimumShare,
            passage,
            passageMinimum, negatedFactor, negations, negationFillers, pairSymptom, pairTitle, pairless
        case negationsBefore, lookBack, maximumQueryLength
        case phraseBody, phraseCandidates
        case phraseSymptom, phraseTitle, prefixMaximumWords, prefixMinimum, quoteMinimum, stopCharacters, stopFactor
        case stopWords
        case typoCheckedWords, typoFactor, typoMaximumWords, typoOneEdit, typoTwoEdits
    }

    private enum FieldKeys: String, CodingKey {
        case body, codes, headings, summary, symptoms, tags, title
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let fields = try container.nestedContainer(keyedBy: FieldKeys.self, forKey: .fields)
        title = try fields.decode(Double.self, forKey: .title)
        symptoms = try fields.decode(Double.self, forKey: .symptoms)
        tags = try fields.decode(Double.self, forKey: .tags)
        codes = try fields.decode(Double.self, forKey: .codes)
        headings = try fields.decode(Double.self, forKey: .headings)
        summary = try fields.decode(Double.self, forKey: .summary)
        body = try fields.decode(Double.self, forKey: .body)
        k1 = try container.decode(Double.self, forKey: .k1)
        b = try container.decode(Double.self, forKey: .b)
        denseShare = try container.decode(Int.self, forKey: .denseShare)
        stopFactor = try container.decode(Double.self, forKey: .stopFactor)
        idfExponent = try container.decode(Double.self, forKey: .idfExponent)
        typoFactor = try container.decode(Double.self, forKey: .typoFactor)
        typoMaximumWords = try container.decode(Int.self, forKey: .typoMaximumWords)
        typoCheckedWords = try container.decode(Int.self, forKey: .typoCheckedWords)
        typoOneEdit = try container.decode(Int.self, forKey: .typoOneEdit)
        typoTwoEdits = try container.decode(Int.self, forKey: .typoTwoEdits)
        codeHit = try container.decode(Double.self, forKey: .codeHit)
        messageBoost = try container.decode(Double.self, forKey: .messageBoost)
        phraseTitle = try container.decode(Double.self, forKey: .phraseTitle)
        phraseSymptom = try container.decode(Double.self, forKey: .phraseSymptom)
        phraseBody = try container.decode(Double.self, forKey: .phraseBody)
        pairTitle = try container.decode(Double.self, forKey: .pairTitle)
        pairSymptom = try container.decode(Double.self, forKey: .pairSymptom)
        readPairlessTerms = try container.decode([String].self, forKey: .pairless)
        passage = try container.decode(Double.self, forKey: .passage)
        passageMinimum = try container.decode(Int.self, forKey: .passageMinimum)
        quoteMinimum = try container.decode(Double.self, forKey: .quoteMinimum)
        phraseCandidates = try container.decode(Int.self, forKey: .phraseCandidates)
        prefixMinimum = try container.decode(Int.self, forKey: .prefixMinimum)
        prefixMaximumWords = try container.decode(Int.self, forKey: .prefixMaximumWords)
        minimumShare = try container.decode(Double.self, forKey: .minimumShare)
        negatedFactor = try container.decode(Double.self, forKey: .negatedFactor)
        negations = try container.decode([String].self, forKey: .negations)
        negationFillers = try container.decode([String].self, forKey: .negationFillers)
        negationsBefore = try container.decode([String].self, forKey: .negationsBefore)
        guesses = try container.decode([String].self, forKey: .guesses)
        lookBack = try container.decode(Int.self, forKey: .lookBack)
        maximumQueryLength = try container.decode(Int.self, forKey: .maximumQueryLength)
        readStopTerms = try container.decode([String].self, forKey: .stopWords)
        stopCharacters = try container.decode(String.self, forKey: .stopCharacters)
        homophones = try container.decode(Bool.self, forKey: .homophones)
        commonPairMargin = try container.decode(Int.self, forKey: .commonPairMargin)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var fields = container.nestedContainer(keyedBy: FieldKeys.self, forKey: .fields)
        try fields.encode(title, forKey: .title)
        try fields.encode(symptoms, forKey: .symptoms)
        try fields.encode(tags, forKey: .tags)
        try fields.encode(codes, forKey: .codes)
        try fields.encode(headings, forKey: .headings)
        try fields.encode(summary, forKey: .summary)
        try fields.encode(body, forKey: .body)
        try container.encode(k1, forKey: .k1)
        try container.encode(b, forKey: .b)
        try container.encode(denseShare, forKey: .denseShare)
        try container.encode(stopFactor, forKey: .stopFactor)
        try container.encode(idfExponent, forKey: .idfExponent)
        try container.encode(typoFactor, forKey: .typoFactor)
        try container.encode(typoMaximumWords, forKey: .typoMaximumWords)
        try container.encode(typoCheckedWords, forKey: .typoCheckedWords)
        try container.encode(typoOneEdit, forKey: .typoOneEdit)
        try container.encode(typoTwoEdits, forKey: .typoTwoEdits)
        try container.encode(codeHit, forKey: .codeHit)
        try container.encode(messageBoost, forKey: .messageBoost)
        try container.encode(phraseTitle, forKey: .phraseTitle)
        try container.encode(phraseSymptom, forKey: .phraseSymptom)
        try container.encode(phraseBody, forKey: .phraseBody)
        try container.encode(pairTitle, forKey: .pairTitle)
        try container.encode(pairSymptom, forKey: .pairSymptom)
        try container.encode(pairlessTerms, forKey: .pairless)
        try container.encode(passage, forKey: .passage)
        try container.encode(passageMinimum, forKey: .passageMinimum)
        try container.encode(quoteMinimum, forKey: .quoteMinimum)
        try container.encode(phraseCandidates, forKey: .phraseCandidates)
        try container.encode(prefixMinimum, forKey: .prefixMinimum)
        try container.encode(prefixMaximumWords, forKey: .prefixMaximumWords)
        try container.encode(minimumShare, forKey: .minimumShare)
        try container.encode(negatedFactor, forKey: .negatedFactor)
        try container.encode(negations, forKey: .negations)
        try container.encode(negationFillers, forKey: .negationFillers)
        try container.encode(negationsBefore, forKey: .negationsBefore)
        try container.encode(guesses, forKey: .guesses)
        try container.encode(lookBack, forKey: .lookBack)
        try container.encode(maximumQueryLength, forKey: .maximumQueryLength)
        try container.encode(stopTerms, forKey: .stopWords)
        try container.encode(stopCharacters, forKey: .stopCharacters)
        try container.encode(homophones, forKey: .homophones)
        try container.encode(commonPairMargin, forKey: .commonPairMargin)
    }
}
