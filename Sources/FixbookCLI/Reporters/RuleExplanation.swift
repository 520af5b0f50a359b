import FixbookCore

/// `fixbook check --explain RULE`: a rule's severity and meaning, and its two examples written out
/// as files, as `swiftc -explain` and SwiftLint's `rules` print theirs.
enum RuleExplanation {
    static func text(_ rule: RuleDescription) -> String {
        var output = "\(rule.id) (\(rule.severity.rawValue) by default)\n  \(rule.summary)\n"
        output += "\nTriggering example:\n" + files(rule.triggering)
        output += "  gives:\n" + rule.triggering.expected.map { "    \($0)\n" }.joined()
        output += "\nPassing example (no diagnostic):\n" + files(rule.passing)
        return output
    }

    /// Each file of an example, indented, long lines cut so a generated one does not flood the terminal.
    private static func files(_ example: RuleExample) -> String {
        var output = ""
        for (path, text) in example.files.sorted(by: { $0.key < $1.key }) {
            output += "  \(path):\n"
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
                text.hasSuffix("\n") ? 1 : 0)
            {
                let shown = line.count > 100 ? line.prefix(100) + "… (\(line.count) characters)" : line
                output += "    | \(printable(String(shown), keepingTabs: true))\n"
            }
        }
        for (path, bytes) in example.bytes.sorted(by: { $0.key < $1.key }) {
            let shown = bytes.map {
                $0 == 0x0A
                    ? "\\n" : ($0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true))
            }
            output += "  \(path) (bytes): \(shown.joined())\n"
        }
        for (path, destination) in example.links.sorted(by: { $0.key < $1.key }) {
            output += "  \(path): a symbolic link to \(destination)\n"
        }
        return output
    }
}
