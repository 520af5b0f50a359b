/// Text from content (file names, messages quoting front matter, source lines) made safe to print:
/// control characters would split a diagnostic over lines, break a GitHub annotation or drive the
/// terminal (escape sequences), and bidirectional controls would reorder what the editor reads.
/// Each becomes a visible escape (`\n`, `\u{1B}`), as Swift writes it in a string literal.
func printable(_ text: String, keepingTabs: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepingTabs: keepingTabs) }) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
        guard needsEscape(scalar, keepingTabs: keepingTabs) else {
            result.unicodeScalars.append(scalar)
            continue
        }
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
    return result
}

private func needsEscape(_ scalar: Unicode.Scalar, keepingTabs: Bool) -> Bool {
    switch scalar.value {
    case 0x09: !keepingTabs
    case 0x00...0x1F, 0x7F...0x9F: true
    // Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
    // Line and paragraph separators end a line in some terminals and viewers.
    case 0x2028, 0x2029: true
    default: false
    }
}
