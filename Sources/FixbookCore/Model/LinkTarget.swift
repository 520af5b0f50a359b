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
        if ContentSources.isArticlePath(path) { return .article(path: path, fragment: fragment) }
        return .file(path: path)
    }

    /// Joins `relative` onto the folder of `sourcePath`, folding `.` and `..`; nil when it climbs out.
    static func normalize(_ relative: String, relativeTo sourcePath: String) -> String? {
        // On UTF-8 bytes: every link of every article goes through here, and a split by Character
        // segments grapheme clusters for nothing.
        var parts = sourcePath.utf8.split(separator: UInt8(ascii: "/")).dropLast().map { Substring($0) }
        let slashed =
            relative.utf8.contains(UInt8(ascii: "\\")) ? relative.replacingOccurrences(of: "\\", with: "/") : relative
        for component in slashed.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if component.elementsEqual([UInt8(ascii: ".")]) { continue }
            if component.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            if component.contains(0) { return nil }
            parts.append(Substring(component))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// Percent-decoding, skipped (it goes through Foundation) for the usual text without a `%`.
    private static func decode(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }

    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = text.utf8[..<colon]
        guard let first = scheme.first else { return false }
        if scheme.allSatisfy({ $0 < 0x80 }) {
            func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
            return isLetter(first)
                && scheme.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) || "+-.".utf8.contains($0) }
        }
        let characters = Substring(scheme)
        return characters.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && characters.first!.isLetter
    }
}

/// Percent-encodes a relative path for an `href`/`src`, segment by segment.
public func encodePath(_ path: String) -> String {
    if keepsUnencoded(path, punctuation: "-._~/") { return path }
    return path.split(separator: "/", omittingEmptySubsequences: false)
        .map { $0.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? String($0) }
        .joined(separator: "/")
}

/// Made once: building the set costs more than encoding a path with it.
private let pathSegmentAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

/// Whether `text` is only ASCII letters, digits and `punctuation`, which a percent-encoding that
/// keeps them returns as it is: most paths are, and Foundation's walk costs more than this check.
func keepsUnencoded(_ text: String, punctuation: StaticString) -> Bool {
    let marks = UnsafeBufferPointer(start: punctuation.utf8Start, count: punctuation.utf8CodeUnitCount)
    return text.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || marks.contains(byte)
    }
}
