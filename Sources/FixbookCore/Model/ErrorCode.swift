import Foundation

/// The family an error code belongs to; it decides how the code is normalized and grouped.
public enum CodeSystem: String, Sendable, Codable, CaseIterable {
    /// Outlook / Windows Mail `0x800CCCxx` numbers.
    case windowsMail = "windows-mail"
    /// Other 32-bit hex result codes (`0x80004005`).
    case hresult
    /// SMTP reply codes, three digits 2xx–5xx (`550`).
    case smtp
    /// SMTP enhanced status codes `d.d.d` (`5.1.1`).
    case smtpEnhanced = "smtp-enhanced"
    /// Winsock errors (`11004`).
    case socket
    /// Text codes (`sender is in prison`).
    case message
    /// Any other numeric code.
    case other

    /// The system's name in English; `UIStrings.name(of:)` gives the heading in a page's language.
    public var displayName: String {
        switch self {
        case .windowsMail: "Outlook / Windows Mail"
        case .hresult: "HRESULT"
        case .smtp: "SMTP"
        case .smtpEnhanced: "SMTP enhanced status"
        case .socket: "Socket"
        case .message: "Message"
        case .other: "Other"
        }
    }
}

/// An error code as an article names it: the written form, its lookup key and its system.
public struct ErrorCode: Sendable, Hashable {
    /// Exactly what the author wrote (`0x800ccc0f` stays lower-case here).
    public var written: String
    /// The normalized key used for lookup, code pages and search (`0x800CCC0F`).
    public var key: String
    public var system: CodeSystem

    public init(written: String, key: String, system: CodeSystem) {
        self.written = written
        self.key = key
        self.system = system
    }
}

/// The outcome of reading one written code.
public enum CodeParseResult: Sendable, Equatable {
    case valid(ErrorCode)
    case malformed(reason: String, suggestion: String?)
}

extension CodeParseResult {
    /// For a malformed code, why, with "did you mean …?" when there is a likely spelling.
    public var problem: String? {
        guard case .malformed(let reason, let suggestion) = self else { return nil }
        return reason + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }
}

/// Turns written codes into normalized keys, and says why a code is malformed.
public enum CodeNormalizer {
    /// Parses a code as written in front matter or a catalog. `declared` is the author's `system:`.
    public static func parse(_ written: String, declared: CodeSystem? = nil) -> CodeParseResult {
        switch classify(written, declared: declared) {
        case .valid(var code):
            code.written = written.trimmed
            return .valid(code)
        case let malformed:
            return malformed
        }
    }

    private static func classify(_ written: String, declared: CodeSystem?) -> CodeParseResult {
        let text = collapseWhitespace(written.precomposedStringWithCompatibilityMapping)
        guard !text.isEmpty else { return .malformed(reason: "the code is empty", suggestion: nil) }

        if let hexDigits = hexBody(of: text) {
            return parseHex(hexDigits, declared: declared)
        }
        if isAll(text, in: digits) {
            return parseDigits(text, declared: declared)
        }
        if text.first.map(isDigit) == true, text.allSatisfy({ isDigit($0) || $0 == "." }) {
            return parseEnhanced(text)
        }
        if declared == .smtp || declared == .smtpEnhanced || declared == .windowsMail || declared == .hresult {
            return .malformed(
                reason: "'\(text)' is not a \(declared!.rawValue) code",
                suggestion: nil
            )
        }
        return .valid(ErrorCode(written: written, key: messageKey(text), system: declared ?? .message))
    }

    /// The lookup key for a query, forgiving about `0x`, case and the letter O typed for zero.
    ///
    /// Returns nil when the query does not look like a code at all.
    public static func forgivingKey(_ query: String) -> String? {
        let text = collapseWhitespace(query.precomposedStringWithCompatibilityMapping)
        if let body = hexBody(of: text) ?? bareHex(text) {
            let repaired = String(body.map(letterForDigit))
            if repaired.count == 8, isAll(repaired, in: hexDigits) {
                return "0x" + repaired.uppercased()
            }
            return nil
        }
        if case .valid(let code) = parse(text), code.system != .message {
            return code.key
        }
        return nil
    }

    /// A message code's key: lower-cased with white space folded.
    public static func messageKey(_ text: String) -> String {
        collapseWhitespace(text.precomposedStringWithCompatibilityMapping).lowercased()
    }

    // MARK: - Forms

    private static func parseHex(_ body: String, declared: CodeSystem?) -> CodeParseResult {
        let repaired = String(body.map(letterForDigit))
        let looksRepairable = repaired != body && isAll(repaired, in: hexDigits) && repaired.count == 8
        if looksRepairable {
            return .malformed(
                reason: "'0x\(body)' contains a letter where a hex digit belongs (O for zero, l or I for one)",
                suggestion: "0x" + repaired.uppercased()
            )
        }
        guard isAll(body, in: hexDigits) else {
            return .malformed(reason: "'0x\(body)' has characters that are not hex digits", suggestion: nil)
        }
        guard body.count == 8 else {
            return .malformed(
                reason: "'0x\(body)' has \(body.count) hex digits; Windows error numbers have 8",
                suggestion: nil
            )
        }
        let key = "0x" + body.uppercased()
        let inferred: CodeSystem = key.hasPrefix("0x800CC") ? .windowsMail : .hresult
        let system = declared.flatMap { [.windowsMail, .hresult].contains($0) ? $0 : nil } ?? inferred
        return .valid(ErrorCode(written: "0x" + body, key: key, system: system))
    }

    private static func parseDigits(_ text: String, declared: CodeSystem?) -> CodeParseResult {
        if declared == .smtpEnhanced, text.count == 3 {
            let dotted = text.map(String.init).joined(separator: ".")
            return .malformed(
                reason: "'\(text)' is declared smtp-enhanced but has no dots",
                suggestion: dotted
            )
        }
        let isSMTP = text.count == 3 && ("2"..."5").contains(text.first!)
        if declared == .smtp, !isSMTP {
            return .malformed(reason: "'\(text)' is not an SMTP reply code (three digits, 2xx–5xx)", suggestion: nil)
        }
        let system: CodeSystem
        if isSMTP {
            system = .smtp
        } else if let declared, declared == .socket || declared == .other {
            system = declared
        } else if text.count == 5, let value = Int(text), (10_000..<12_000).contains(value) {
            system = .socket
        } else {
            system = .other
        }
        return .valid(ErrorCode(written: text, key: text, system: system))
    }

    private static func parseEnhanced(_ text: String) -> CodeParseResult {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed =
            parts.count == 3 && ["2", "4", "5"].contains(parts[0])
            && parts[1].count >= 1 && parts[1].count <= 3 && parts[2].count >= 1 && parts[2].count <= 3
        guard wellFormed else {
            return .malformed(
                reason: "'\(text)' is not an enhanced status code (class.subject.detail, e.g. 5.1.1)",
                suggestion: nil
            )
        }
        return .valid(ErrorCode(written: text, key: text, system: .smtpEnhanced))
    }

    // MARK: - Character helpers

    private static let digits = Set("0123456789")
    private static let hexDigits = Set("0123456789abcdefABCDEF")

    private static func isDigit(_ c: Character) -> Bool { digits.contains(c) }

    private static func isAll(_ text: String, in set: Set<Character>) -> Bool {
        !text.isEmpty && text.allSatisfy(set.contains)
    }

    /// The part after `0x`/`0X`, when the text starts with it.
    private static func hexBody(of text: String) -> String? {
        guard text.count > 2, text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        let body = String(text.dropFirst(2))
        return body.contains(" ") ? nil : body
    }

    /// Eight characters that are hex digits once O/l/I are read as digits, with at least one letter.
    private static func bareHex(_ text: String) -> String? {
        guard text.count == 8 else { return nil }
        let repaired = String(text.map(letterForDigit))
        guard isAll(repaired, in: hexDigits), repaired.contains(where: { $0.isLetter }) else { return nil }
        return text
    }

    private static func letterForDigit(_ c: Character) -> Character {
        switch c {
        case "O", "o": "0"
        case "l", "I": "1"
        default: c
        }
    }

    /// Runs of white space become one space, ends trimmed (JavaScript's `replace(/\s+/g, ' ').trim()`).
    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
