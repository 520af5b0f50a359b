import Foundation

/// What a reader sees of a page: the text of `<body>` without scripts, styles and tags, with
/// character references decoded and white space folded, as a screen reader or a copy-all gives it.
public func visibleText(_ html: String) -> String {
    var text = html
    if let body = text.range(of: "<body") { text = String(text[body.lowerBound...]) }
    for element in ["script", "style", "template"] {
        text = text.replacingOccurrences(
            of: "(?s)<\(element)\\b[^>]*>.*?</\(element)>", with: " ", options: [.regularExpression, .caseInsensitive])
    }
    text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    text = decodeCharacterReferences(text)
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// The values of one attribute over every element of a class, e.g. the text of every tag chip.
public func elementTexts(_ html: String, tag: String, class className: String) -> [String] {
    let pattern = "<\(tag)\\b[^>]*class=\"[^\"]*\\b\(className)\\b[^\"]*\"[^>]*>(.*?)</\(tag)>"
    guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
        return []
    }
    let range = NSRange(html.startIndex..., in: html)
    return expression.matches(in: html, range: range).compactMap { match in
        Range(match.range(at: 1), in: html).map { visibleText(String(html[$0])) }
    }
}

/// Decodes the character references an HTML serializer writes (`&amp;`, `&#39;`, `&#x4E2D;`).
public func decodeCharacterReferences(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = text[...]
    let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
    while let ampersand = rest.firstIndex(of: "&") {
        result += rest[..<ampersand]
        let tail = rest[rest.index(after: ampersand)...]
        guard let semicolon = tail.prefix(12).firstIndex(of: ";") else {
            result += "&"
            rest = tail
            continue
        }
        let name = String(tail[..<semicolon])
        var decoded: String?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        } else if name.hasPrefix("#") {
            decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
        } else {
            decoded = named[name]
        }
        if let decoded {
            result += decoded
            rest = tail[tail.index(after: semicolon)...]
        } else {
            result += "&"
            rest = tail
        }
    }
    return result + rest
}

/// The visible text with a line per block (paragraph, heading, list item, cell), for reviewed
/// snapshots that read like the page.
public func visibleLines(_ html: String) -> String {
    let blockEnds =
        "</(p|li|h[1-6]|div|tr|td|th|dt|dd|pre|blockquote|header|footer|nav|section|ul|ol|table|label|form)>|<br ?/?>"
    let marked = html.replacingOccurrences(
        of: blockEnds, with: "$0\u{E000}", options: [.regularExpression, .caseInsensitive])
    return visibleText(marked).split(separator: "\u{E000}").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
}
