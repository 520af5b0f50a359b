/// `related` must name existing articles; `aliases` must be safe relative paths that collide
/// with no page and no other alias.
public struct RelatedAndAliasRule: ValidationRule {
    public static let emits: [RuleID] = [.relatedUnknown, .aliasUnsafe, .aliasCollision]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        var found: [Diagnostic] = []
        var aliasOwners: [String: Int] = [:]
        for index in kb.inSourceOrder {
            let article = kb.articles[index]
            for related in article.metadata.related where kb.article(slug: related.text) == nil {
                found.append(
                    diagnostic(
                        .relatedUnknown, .error, at: kb.location(article, line: related.line),
                        "related article '\(related.text)' does not exist"
                    )
                )
            }
            for alias in article.metadata.aliases {
                guard let path = AliasPath.outputPath(alias.text) else {
                    found.append(
                        diagnostic(
                            .aliasUnsafe, .error, at: kb.location(article, line: alias.line),
                            "alias '\(alias.text)' must be a relative path of letters, digits, '-', '_', '.' and '/', without '..'"
                        )
                    )
                    continue
                }
                if Self.isArticlePage(path, in: kb) || AliasPath.reserved.contains(path) {
                    found.append(
                        diagnostic(
                            .aliasCollision, .error, at: kb.location(article, line: alias.line),
                            "alias '\(alias.text)' would overwrite the page \(path)")
                    )
                } else if let owner = aliasOwners[path].map({ kb.articles[$0] }), owner.slug != article.slug {
                    found.append(
                        diagnostic(
                            .aliasCollision, .error, at: kb.location(article, line: alias.line),
                            "alias '\(alias.text)' is also an alias of \(kb.contentFile(owner.sourcePath))"
                        )
                    )
                } else {
                    aliasOwners[path] = index
                }
            }
        }
        return found
    }

    /// Whether `path` is an article's page (`articles/<slug>.html`).
    private static func isArticlePage(_ path: String, in kb: KnowledgeBase) -> Bool {
        guard path.hasPrefix("articles/"), path.hasSuffix(".html") else { return false }
        return kb.bySlug[String(path.dropFirst("articles/".count).dropLast(".html".count))] != nil
    }
}

/// Where an alias's redirect page is written, or nil when the alias is not a safe path.
public enum AliasPath {
    /// Pages Fixbook itself writes; an alias may not replace them.
    static let reserved: Set<String> = [
        SiteURLs.home, SiteURLs.search, SiteURLs.notFound, SiteURLs.codeIndex, SiteURLs.categoryIndex,
        SiteURLs.tagIndex,
    ]

    /// `old/page` or `/old/page.html` → `old/page.html`; `old/` → `old/index.html`.
    public static func outputPath(_ alias: String) -> String? {
        var path = alias.trimmed
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty { return nil }
        if path.hasSuffix("/") { path += "index.html" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let safe = segments.allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".." && !segment.hasPrefix(".")
                && segment.utf8.count <= 100
                && segment.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                        || "-_.".unicodeScalars.contains($0)
                }
        }
        guard safe, segments.count <= 8, !path.hasPrefix("assets/") else { return nil }
        return path.hasSuffix(".html") ? path : path + ".html"
    }
}
