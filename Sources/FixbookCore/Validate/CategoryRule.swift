/// With a `categories.yml`, an article's category must be one of its keys; without one, any text
/// is a category, shown as written.
public struct CategoryRule: ArticleRule {
    public static let emits: [RuleID] = [.unknownCategory]

    public init() {}

    public func check(_ article: RenderedArticle, _ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        let keys = Set(kb.categories.map(\.key))
        var found: [Diagnostic] = []
        guard let category = article.metadata.category else { return [] }
        if !keys.isEmpty && !keys.contains(category) {
            found.append(
                diagnostic(
                    .unknownCategory, .error,
                    at: kb.location(article, line: article.metadata.keyLines["category"] ?? 1),
                    "category '\(category)' is not in categories.yml (known: \(keys.sorted().joined(separator: ", ")))"
                )
            )
        }
        return found
    }
}
