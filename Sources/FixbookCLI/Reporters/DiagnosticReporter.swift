import FixbookCore
import Foundation

/// Formats diagnostics for one audience: people (`text`), tools (`json`), or GitHub (`github`).
public protocol DiagnosticReporter {
    func report(_ diagnostics: [Diagnostic], coverage: (covered: Int, total: Int)?) -> String
}

/// The `--format` choices.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, github

    func reporter(root: URL, colour: Bool) -> any DiagnosticReporter {
        switch self {
        case .text: TextReporter(sourceLines: SourceLineReader(root: root), colour: colour)
        case .json: JSONReporter()
        case .github: GitHubReporter()
        }
    }
}

/// Reads the offending source line for the text reporter's excerpt, caching files.
final class SourceLineReader {
    let root: URL
    private var cache: [String: [Substring]] = [:]

    init(root: URL) { self.root = root }

    func line(_ number: Int, of file: String) -> String? {
        guard number > 0 else { return nil }
        if cache[file] == nil {
            let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path)
            let text = data.map(SourceText.decodeForDisplay) ?? ""
            cache[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[file], number <= lines.count else { return nil }
        return String(lines[number - 1])
    }
}
