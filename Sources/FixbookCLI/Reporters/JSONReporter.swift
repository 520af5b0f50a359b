import FixbookCore
import Foundation

/// An array of `{file, line, column, severity, rule, message, suggestion?}`, sorted like the text.
struct JSONReporter: DiagnosticReporter {
    private struct Item: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
        var suggestion: String?
    }

    func report(_ diagnostics: [Diagnostic], coverage: (covered: Int, total: Int)?) -> String {
        let items = diagnostics.map {
            Item(
                file: $0.location.file, line: $0.location.line, column: $0.location.column,
                severity: $0.severity.rawValue, rule: $0.rule.rawValue, message: $0.message, suggestion: $0.suggestion
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
