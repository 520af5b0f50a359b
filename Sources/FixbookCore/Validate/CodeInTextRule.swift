/// Catches a misspelt code in what readers see first — title, summary, symptoms — such as
/// `0x800CCCOD` with the letter O: search would still find it, but readers copy it wrongly.
public struct CodeInTextRule: ArticleRule {
    public static let emits: [RuleID] = [.malformedCodeInText]

    public init() {}

    public func check(_ article: RenderedArticle, _ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        var found: [Diagnostic] = []
        let metadata = article.metadata
        var fields: [(key: String, text: String)] = [("title", article.title)]
        if let summary = metadata.summary { fields.append(("summary", summary)) }
        fields += metadata.symptoms.map { ("symptoms", $0) }
        for (key, text) in fields {
            for candidate in Self.hexLikeWords(in: text) {
                let result = CodeNormalizer.parse(candidate)
                guard case .malformed(_, let suggestion?) = result, let problem = result.problem else { continue }
                found.append(
                    diagnostic(
                        .malformedCodeInText, .warning,
                        at: kb.location(article, line: metadata.keyLines[key] ?? 1), "\(key): \(problem)",
                        suggestion: suggestion
                    )
                )
            }
        }
        return found
    }

    /// Whether ASCII `text` holds `0x` or `0X`, looked for on its bytes.
    private static func containsHexPrefix(_ text: String) -> Bool {
        var previousWasZero = false
        for byte in text.utf8 {
            if previousWasZero && (byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X")) { return true }
            previousWasZero = byte == UInt8(ascii: "0")
        }
        return false
    }

    /// Words that start with `0x` and run on with letters and digits.
    static func hexLikeWords(in text: String) -> [String] {
        // Almost no text has a `0x` (or full-width `０ｘ`): skip the normalization for the rest.
        // Plain ASCII is its own normal form, so there a `0x` or `0X` is the whole question.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard Self.containsHexPrefix(text) else { return [] }
        } else if !text.unicodeScalars.contains(where: { "xXｘＸ".unicodeScalars.contains($0) }) {
            return []
        }
        let normalized = text.precomposedStringWithCompatibilityMapping
        var words: [String] = []
        var current = ""
        for character in normalized + " " {
            if character.isASCII && (character.isLetter || character.isNumber) {
                current.append(character)
            } else {
                if current.count > 2, current.lowercased().hasPrefix("0x") { words.append(current) }
                current = ""
            }
        }
        return words
    }
}
