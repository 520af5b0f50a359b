/// An article split into its YAML front matter and its Markdown body, with line numbers kept.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the `---` lines.
    public var yaml: String
    /// The file line of the first YAML line (2 when the file starts with `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// The file line of the first body line.
    public var bodyFirstLine: Int
}

/// Why a file's front matter could not be split off.
public enum FrontMatterProblem: Error, Sendable, Equatable {
    case missing
    case unterminated
}

/// Splits `---` delimited front matter from the body of a Markdown file.
public enum FrontMatterSplitter {
    /// Splits normalized text (`\n` line endings, no BOM).
    public static func split(_ text: String) -> Result<FrontMatterSplit, FrontMatterProblem> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isDelimiter(first, allowDots: false) else { return .failure(.missing) }
        guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], allowDots: true) }) else {
            return .failure(.unterminated)
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var text = line
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text == "---" || (allowDots && text == "...")
    }
}
