/// The text of a new article (`fixbook new`): front matter with the given title, slug and codes,
/// and the headings of the house style, in the site's language. Each code carries the message that
/// tells it apart (empty until the author fills it in).
public enum ArticleScaffold {
    /// Written into the scaffold's solution section. While it is there the article is not
    /// published (`solution-placeholder`): a placeholder step is not a fix.
    public static let placeholderMarker = "fixbook:placeholder"

    /// The marker as the scaffold writes it: an HTML comment, invisible on the page.
    static let placeholderComment =
        "<!-- \(placeholderMarker): replace this section with the steps that fix the problem, then delete this line -->"

    /// The article's text. Without `solution`, the solution section holds a placeholder step and
    /// the marker; `init`'s example passes a real one so a new knowledge base checks clean.
    public static func text(
        title: String, slug: String, codes: [(code: ErrorCode, message: String)], category: String?, today: String,
        chinese: Bool, solution: String? = nil
    )
        -> String
    {
        var lines = ["---", "title: \(yamlQuoted(title))", "slug: \(slug)"]
        if let category { lines.append("category: \(yamlQuoted(category))") }
        if codes.isEmpty {
            lines.append("codes: []")
        } else {
            lines.append("codes:")
            for (code, message) in codes {
                lines.append("  - code: \(yamlQuoted(code.written))")
                lines.append("    message: \(yamlQuoted(message))")
            }
        }
        lines += ["symptoms: []", "tags: []", "summary: \"\"", "updated: \(today)", "---", ""]
        let headings =
            chinese
            ? [
                "## 现象", "用户看到的提示或现象。", "## 原因", "为什么会出现。", "## 解决方法", solution ?? placeholderComment + "\n1. 第一步。",
                "## 仍未解决？", "需要向客服提供的信息。",
            ]
            : [
                "## Symptoms", "What the user sees.", "## Cause", "Why it happens.", "## Resolution",
                solution ?? placeholderComment + "\n1. First step.",
                "## Still stuck?", "What to send to support.",
            ]
        return lines.joined(separator: "\n") + headings.joined(separator: "\n\n") + "\n"
    }

    /// A YAML double-quoted scalar, so no title or code is misread (`0x800CCC0F` as a number).
    static func yamlQuoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 {
                    escaped += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"" + escaped + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
