/// Two articles may not share a URL name; compared case-insensitively and after NFKC, since
/// case-insensitive file systems (macOS, Windows) would overwrite one page with the other.
public struct DuplicateSlugRule: ValidationRule {
    public static let emits: [RuleID] = [.duplicateSlug]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        var firstBySlug: [String: Int] = [:]
        var found: [Diagnostic] = []
        for index in kb.inSourceOrder {
            let article = kb.articles[index]
            let key = SearchTokenizer.normalize(article.slug)
            if let first = firstBySlug[key].map({ kb.articles[$0] }) {
                let line = article.metadata.keyLines["slug"] ?? 1
                found.append(
                    diagnostic(
                        .duplicateSlug, .error, at: kb.location(article, line: line),
                        "slug '\(article.slug)' is already used by \(kb.contentFile(first.sourcePath)); set a different 'slug:'"
                    )
                )
            } else {
                firstBySlug[key] = index
            }
        }
        return found
    }
}
