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
    /// Splits normalized text (`\n` line endings, no BOM). Scans lines without copying the body,
    /// rather than splitting whole files into lines.
    public static func split(_ text: String) -> Result<FrontMatterSplit, FrontMatterProblem> {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex || (lineNumber == 0 && lineStart == utf8.endIndex) {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            lineNumber += 1
            let line = Substring(text[lineStart..<lineEnd])
            if lineNumber == 1 {
                guard isDelimiter(line, allowDots: false) else { return .failure(.missing) }
                yamlStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            } else if isDelimiter(line, allowDots: true), let yamlStart {
                let yaml = lineNumber == 2 ? "" : String(text[yamlStart..<utf8.index(before: lineStart)])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(
                    FrontMatterSplit(
                        yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1
                    )
                )
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
        }
        return .failure(.unterminated)
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var text = line
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text == "---" || (allowDots && text == "...")
    }
}
