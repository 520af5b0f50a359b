import Foundation

/// File names for tag pages: readable in any script (`tags/发信.html`, `tags/outlook.html`).
public enum TermSlug {
    /// Letters and digits of any script, lower-cased; other runs become '-'. Never a path.
    public static func make(_ term: String) -> String {
        let slug = HeadingAnchor.slug(term)
        return String(slug.prefix(60))
    }

    /// The slug percent-encoded for use inside an `href`.
    public static func href(_ slug: String) -> String {
        keepsUnencoded(slug, punctuation: "-_")
            ? slug : slug.addingPercentEncoding(withAllowedCharacters: allowed) ?? slug
    }

    private static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
}
