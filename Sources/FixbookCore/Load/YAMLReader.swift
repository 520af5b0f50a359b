import Foundation
import Yams

/// A YAML value with the file line it came from.
public struct LocatedNode: @unchecked Sendable {
    public var node: Node
    public var line: Int
    public var column: Int
}

/// Reads typed values out of composed YAML nodes, reporting type problems as diagnostics.
///
/// Only scalars' *source text* is used, so `0x800CCC0F` or `550` keep their written form.
public struct YAMLReader {
    public var file: String
    /// Added to Yams' 1-based line numbers to get file lines.
    public var lineOffset: Int
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Composes YAML into nodes; syntax errors become one diagnostic at the right file line.
    public mutating func compose(_ yaml: String, rule: RuleID = .frontMatterInvalid) -> Node? {
        do {
            // No implicit tag resolution: Fixbook reads every scalar's source text itself, and Yams'
            // resolver runs several regular expressions per scalar (a fifth of a build's parse time).
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            var (line, column, problem) = Self.describe(error)
            if case .duplicatedKeysInMapping(let keys, _) = error, let key = keys.first,
                let duplicate = Self.secondLine(startingWithKey: key, in: yaml)
            {
                (line, column) = (duplicate, 1)
            }
            report(rule, line: line + lineOffset, column: column, "invalid YAML: \(problem)")
        } catch {
            report(rule, line: lineOffset + 1, column: 1, "invalid YAML: \(error)")
        }
        return nil
    }

    /// The line and column of a node in the file.
    public func locate(_ node: Node) -> LocatedNode {
        LocatedNode(node: node, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
    }

    /// The pairs of a mapping node, keys as strings with their lines; a non-mapping is reported.
    public mutating func mappingPairs(_ node: Node, what: String) -> [(key: String, key_line: Int, value: LocatedNode)]?
    {
        guard case .mapping(let mapping) = node else {
            let here = locate(node)
            report(.wrongType, line: here.line, column: here.column, "\(what) must be a mapping of keys to values")
            return nil
        }
        return mapping.map { pair in
            let key = locate(pair.key)
            return (pair.key.string ?? "", key.line, locate(pair.value))
        }
    }

    /// A scalar's source text; null gives nil, a list or mapping is reported.
    public mutating func string(_ value: LocatedNode, key: String) -> String? {
        switch value.node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
            return scalar.string
        default:
            report(.wrongType, at: value, "'\(key)' must be a single value, not a \(Self.kind(value.node))")
            return nil
        }
    }

    /// A list of scalars' source texts. Each item's line is kept.
    public mutating func stringList(_ value: LocatedNode, key: String) -> [(text: String, line: Int)] {
        switch value.node {
        case .sequence(let sequence):
            var items: [(String, Int)] = []
            for item in sequence {
                let here = locate(item)
                if let text = string(here, key: "\(key) item"), !text.isEmpty {
                    items.append((text, here.line))
                }
            }
            return items
        case .scalar(let scalar) where scalar.style == .plain && scalar.string.isEmpty:
            return []
        default:
            report(
                .wrongType, at: value,
                "'\(key)' must be a list, e.g. \(key): [\(value.node.string ?? "…")]"
            )
            return []
        }
    }

    /// An integer; anything else is reported.
    public mutating func int(_ value: LocatedNode, key: String) -> Int? {
        guard case .scalar(let scalar) = value.node, let number = Int(scalar.string) else {
            report(.wrongType, at: value, "'\(key)' must be a whole number")
            return nil
        }
        return number
    }

    /// A boolean (`true`/`false`, YAML 1.1 spellings too); anything else is reported.
    public mutating func bool(_ value: LocatedNode, key: String) -> Bool? {
        guard case .scalar(let scalar) = value.node, let flag = Self.yamlBool(scalar.string) else {
            report(.wrongType, at: value, "'\(key)' must be true or false")
            return nil
        }
        return flag
    }

    /// YAML 1.1 booleans, as Yams' resolver reads them.
    static func yamlBool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": false
        default: nil
        }
    }

    /// A calendar date `YYYY-MM-DD` (a time after it is allowed and dropped).
    public mutating func date(_ value: LocatedNode, key: String) -> String? {
        guard let text = string(value, key: key) else { return nil }
        let day = String(text.prefix(10))
        let parts = day.split(separator: "-")
        let valid =
            parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
            && (1...12).contains(Int(parts[1])!) && (1...31).contains(Int(parts[2])!)
        guard valid else {
            report(.wrongType, at: value, "'\(key)' must be a date written YYYY-MM-DD, not '\(text)'")
            return nil
        }
        return day
    }

    public mutating func report(
        _ rule: RuleID, at value: LocatedNode, _ message: String,
        severity: Severity = .error, suggestion: String? = nil
    ) {
        report(rule, line: value.line, column: value.column, message, severity: severity, suggestion: suggestion)
    }

    public mutating func report(
        _ rule: RuleID, line: Int, column: Int, _ message: String,
        severity: Severity = .error, suggestion: String? = nil
    ) {
        diagnostics.append(
            Diagnostic(
                rule: rule, severity: severity,
                location: SourceLocation(file: file, line: line, column: column),
                message: message, suggestion: suggestion
            )
        )
    }

    /// The 1-based line of the second `key:` at the start of a line (the duplicate Yams reports).
    private static func secondLine(startingWithKey key: String, in yaml: String) -> Int? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }

    private static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }

    /// Yams' position (1-based, relative to the YAML text) and a short problem text.
    private static func describe(_ error: YamlError) -> (line: Int, column: Int, problem: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // The context mark is where the broken construct starts: the line an editor must fix.
            guard let context else { return (mark.line, mark.column, problem) }
            return (context.mark.line, context.mark.column, "\(context.text): \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (
                context.mark.line, context.mark.column,
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))"
            )
        case .reader(let problem, _, _, _):
            return (1, 1, problem)
        default:
            return (1, 1, "\(error)")
        }
    }
}
