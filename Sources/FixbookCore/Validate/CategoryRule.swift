/// With a `categories.yml`, an article's category must be one of its keys; without one, any text
/// is a category, shown as written.
public struct CategoryRule: ArticleRule {
    public static let emits: [RuleID] = [.unknownCategory]

    public init() {}

    public func check(_ article: RenderedArticle, _ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        var found: [Diagnostic] = []
        guard let category = article.metadata.category else { return [] }
        // The categories are few: looked through for each article rather than gathered in a set.
        if !kb.categories.isEmpty && !kb.categories.contains(where: { $0.key == category }) {
            let keys = kb.categories.map(\.key)
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
