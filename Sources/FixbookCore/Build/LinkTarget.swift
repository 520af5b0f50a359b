import Foundation

/// What a link in an article points at, resolved against the content folder.
public enum LinkTarget: Sendable, Equatable {
    /// `http:`, `mailto:`… or a protocol-relative URL: left alone.
    case external
    /// `#anchor` in the same article.
    case sameArticle(fragment: String)
    /// Another Markdown file (`../x/other.md#anchor`), by content-relative path.
    case article(path: String, fragment: String?)
    /// Any other file under the content folder (an image, a PDF).
    case file(path: String)
    /// A root-absolute path (`/x`), or one that climbs out of the content folder.
    case outside(String)

    /// Classifies `destination` written in the article at `sourcePath` (content-relative).
    public static func resolve(_ destination: String, from sourcePath: String) -> LinkTarget {
        let trimmed = destination.trimmed
        if trimmed.hasPrefix("#") { return .sameArticle(fragment: decode(String(trimmed.dropFirst()))) }
        if trimmed.hasPrefix("//") || hasScheme(trimmed) { return .external }
        if trimmed.hasPrefix("/") || trimmed.hasPrefix("\\") { return .outside(trimmed) }

        var pathPart = trimmed
        var fragment: String?
        if let hash = trimmed.firstIndex(of: "#") {
            pathPart = String(trimmed[..<hash])
            fragment = decode(String(trimmed[trimmed.index(after: hash)...]))
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
        guard let path = normalize(decode(pathPart), relativeTo: sourcePath) else { return .outside(trimmed) }
        if path.hasSuffix(".md") || path.hasSuffix(".markdown") { return .article(path: path, fragment: fragment) }
        return .file(path: path)
    }

    /// Joins `relative` onto the folder of `sourcePath`, folding `.` and `..`; nil when it climbs out.
    static func normalize(_ relative: String, relativeTo sourcePath: String) -> String? {
        var parts = sourcePath.split(separator: "/").dropLast().map(String.init)
        let slashed =
            relative.utf8.contains(UInt8(ascii: "\\")) ? relative.replacingOccurrences(of: "\\", with: "/") : relative
        for component in slashed.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default:
                if component.utf8.contains(0) { return nil }
                parts.append(String(component))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// Percent-decoding, skipped (it goes through Foundation) for the usual text without a `%`.
    private static func decode(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }

    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
            && scheme.first!.isLetter
    }
}

/// Percent-encodes a relative path for an `href`/`src`, segment by segment.
public func encodePath(_ path: String) -> String {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    return path.split(separator: "/", omittingEmptySubsequences: false)
        .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
        .joined(separator: "/")
}
