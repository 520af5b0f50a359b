/// The numbers of the ranking, in one place. `SearchEngine` ranks with them, and the index
/// carries them (`ranking` in `search-index.json` and in `assets/search-index.js`), so the
/// browser's `search-core.js` ranks with exactly the same values and holds none of its own.
public struct SearchRanking: Sendable, Equatable {
    /// What a field adds to an article's score when it matches a query word.
    public var title = 10.0
    public var symptoms = 6.0
    public var tags = 5.0
    public var codes = 5.0
    public var headings = 3.0
    public var summary = 2.0
    public var body = 1.0
    /// Added once per code key of the query that the article claims.
    public var codeHit = 1000.0
    /// Added, in proportion, when the rest of the query matches the message of a claimed code.
    public var messageBoost = 200.0
    /// Added when the whole query occurs in the title, a symptom or the body.
    public var phraseTitle = 8.0
    public var phraseSymptom = 6.0
    public var phraseBody = 2.0
    /// The phrase bonus re-orders only this many first results: the browser fetches the text of
    /// no more articles than these to check it.
    public var phraseCandidates = 20
    /// The last word typed matches index words that start with it once it has this many
    /// characters, and at most this many of them.
    public var prefixMinimum = 2
    public var prefixMaximumWords = 100
    /// Articles that match less than this share of the query's words are left out.
    public var minimumPartial = 0.5

    public init() {}

    /// The ranking every index is built with.
    public static let standard = SearchRanking()

    /// The field weights by the index's field bits (`SearchFields`).
    var fieldWeights: [(UInt8, Double)] {
        [
            (SearchFields.title, title), (SearchFields.symptoms, symptoms), (SearchFields.tags, tags),
            (SearchFields.codes, codes), (SearchFields.headings, headings), (SearchFields.summary, summary),
            (SearchFields.body, body),
        ]
    }

    /// `{"body":1,…}` with sorted keys, as the index carries it.
    func write(into out: inout JSONBuffer) {
        let numbers: [(String, Double)] = [
            ("codeHit", codeHit),
            ("fields", 0),
            ("messageBoost", messageBoost), ("minimumPartial", minimumPartial),
            ("phraseBody", phraseBody), ("phraseCandidates", Double(phraseCandidates)),
            ("phraseSymptom", phraseSymptom), ("phraseTitle", phraseTitle),
            ("prefixMaximumWords", Double(prefixMaximumWords)), ("prefixMinimum", Double(prefixMinimum)),
        ]
        out.raw("{")
        for (position, (name, value)) in numbers.enumerated() {
            if position > 0 { out.raw(",") }
            out.string(name)
            out.raw(":")
            if name == "fields" {
                let fields: [(String, Double)] = [
                    ("body", body), ("codes", codes), ("headings", headings), ("summary", summary),
                    ("symptoms", symptoms), ("tags", tags), ("title", title),
                ]
                out.raw("{" + fields.map { "\"\($0.0)\":\(Self.number($0.1))" }.joined(separator: ",") + "}")
            } else {
                out.raw(Self.number(value))
            }
        }
        out.raw("}")
    }

    /// A number as JavaScript writes it: whole numbers without a fraction.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The JSON form `write(into:)` produces, for `JSONEncoder` and for reading an index back.
extension SearchRanking: Codable {
    private enum Keys: String, CodingKey {
        case codeHit, fields, messageBoost, minimumPartial, phraseBody, phraseCandidates, phraseSymptom, phraseTitle
        case prefixMaximumWords, prefixMinimum
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
        codeHit = try container.decode(Double.self, forKey: .codeHit)
        messageBoost = try container.decode(Double.self, forKey: .messageBoost)
        phraseTitle = try container.decode(Double.self, forKey: .phraseTitle)
        phraseSymptom = try container.decode(Double.self, forKey: .phraseSymptom)
        phraseBody = try container.decode(Double.self, forKey: .phraseBody)
        phraseCandidates = try container.decode(Int.self, forKey: .phraseCandidates)
        prefixMinimum = try container.decode(Int.self, forKey: .prefixMinimum)
        prefixMaximumWords = try container.decode(Int.self, forKey: .prefixMaximumWords)
        minimumPartial = try container.decode(Double.self, forKey: .minimumPartial)
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
        try container.encode(codeHit, forKey: .codeHit)
        try container.encode(messageBoost, forKey: .messageBoost)
        try container.encode(phraseTitle, forKey: .phraseTitle)
        try container.encode(phraseSymptom, forKey: .phraseSymptom)
        try container.encode(phraseBody, forKey: .phraseBody)
        try container.encode(phraseCandidates, forKey: .phraseCandidates)
        try container.encode(prefixMinimum, forKey: .prefixMinimum)
        try container.encode(prefixMaximumWords, forKey: .prefixMaximumWords)
        try container.encode(minimumPartial, forKey: .minimumPartial)
    }
}
