/// With a `codes.yml` catalog, every code the product can emit must have an article, and every
/// article code should be in the catalog (it may be a typo of one that is).
public struct CatalogCoverageRule: ValidationRule {
    public static let emits: [RuleID] = [.catalogCodeUncovered, .codeNotInCatalog]

    public init() {}

    /// Codes in the catalog with at least one article, and the catalog's size (by key).
    public static func coverage(_ kb: KnowledgeBase) -> (covered: Int, total: Int)? {
        guard !kb.catalog.isEmpty else { return nil }
        let keys = Set(kb.catalog.map(\.code.key))
        return (keys.filter { kb.byCodeKey[$0] != nil }.count, keys.count)
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        guard !kb.catalog.isEmpty else { return [] }
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        for entry in kb.catalog where kb.byCodeKey[entry.code.key] == nil && reported.insert(entry.code.key).inserted {
            let message = entry.message.map { " (\($0))" } ?? ""
            found.append(
                diagnostic(
                    .catalogCodeUncovered, .error,
                    at: SourceLocation(file: kb.contentFile("codes.yml"), line: entry.line),
                    "catalog code \(entry.code.written)\(message) has no article; write one with 'codes: [\(entry.code.written)]'"
                )
            )
        }
        let catalogKeys = Set(kb.catalog.map(\.code.key))
        for article in kb.articles {
            for code in article.metadata.codes where !catalogKeys.contains(code.code.key) {
                found.append(
                    diagnostic(
                        .codeNotInCatalog, .warning, at: kb.location(article, line: code.line),
                        "\(code.code.written) is not in codes.yml; add it there or check its spelling"
                    )
                )
            }
        }
        return found
    }
}
