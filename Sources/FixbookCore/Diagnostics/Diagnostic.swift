/// How serious a diagnostic is: errors stop `build`, warnings only inform (unless `--strict`).
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A place in a source file: 1-based line and column. Line 0 means "the whole file".
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One content problem, found by a rule, pointing at a file and line.
///
/// Content problems are values, never thrown: one run reports every problem in every file.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var rule: RuleID
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var suggestion: String?

    public init(
        rule: RuleID,
        severity: Severity,
        location: SourceLocation,
        message: String,
        suggestion: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    /// Orders diagnostics by file, line, column, then rule, so output is stable.
    public static func sortedForReport(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.rule.rawValue, $0.message)
                < ($1.location.file, $1.location.line, $1.location.column, $1.rule.rawValue, $1.message)
        }
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
