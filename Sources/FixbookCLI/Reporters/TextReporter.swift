import FixbookCore

/// `path:line:col: error[rule-id]: message`, then the source line and a caret, as compilers print.
struct TextReporter: DiagnosticReporter {
    let sourceLines: SourceLineReader
    let colour: Bool

    func report(_ diagnostics: [Diagnostic], coverage: (covered: Int, total: Int)?) -> String {
        var output = ""
        for diagnostic in diagnostics {
            let location = diagnostic.location
            let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31" : "33")
            output +=
                "\(printable(location.file)):\(location.line):\(location.column): \(severity)[\(diagnostic.rule)]: \(printable(diagnostic.message))\n"
            if let line = sourceLines.line(location.line, of: location.file) {
                let excerpt = line.count > 200 ? String(line.prefix(200)) + "…" : line
                output += "    \(printable(excerpt, keepingTabs: true))\n"
                let before = printable(String(excerpt.prefix(max(0, location.column - 1))), keepingTabs: true)
                let padding = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: displayWidth($0)) }
                output += "    \(padding.joined())\(paint("^", "32"))\n"
            }
            if let suggestion = diagnostic.suggestion, !diagnostic.message.contains(suggestion) {
                output += "    suggestion: \(printable(suggestion))\n"
            }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if let coverage { output += "covered \(coverage.covered)/\(coverage.total) codes\n" }
        output += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        return output
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }

    /// Wide (CJK) characters take two terminal columns.
    private func displayWidth(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 1 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6:
            return 2
        default:
            return 1
        }
    }
}
