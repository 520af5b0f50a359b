import FixbookCore

/// GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
struct GitHubReporter: DiagnosticReporter {
    func report(_ diagnostics: [Diagnostic], coverage: (covered: Int, total: Int)?) -> String {
        var output = ""
        for diagnostic in diagnostics {
            let command = diagnostic.severity == .error ? "error" : "warning"
            let location = diagnostic.location
            output +=
                "::\(command) file=\(property(location.file)),line=\(location.line),col=\(location.column),title=\(property(diagnostic.rule.rawValue))::\(data(diagnostic.message))\n"
        }
        if let coverage { output += "covered \(coverage.covered)/\(coverage.total) codes\n" }
        return output
    }

    /// Escaping defined by the workflow-command format for the message.
    /// Other control characters are made visible first (`printable`), so none reaches the log.
    private func data(_ text: String) -> String {
        printable(text, keepingTabs: true).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(
            of: "\r", with: "%0D"
        )
        .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values also escape `:` and `,`.
    private func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
