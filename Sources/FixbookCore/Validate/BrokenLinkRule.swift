/// Links between articles must reach a page and a heading that exist; images must exist.
public struct BrokenLinkRule: ValidationRule {
    public static let emits: [RuleID] = [.brokenLink, .brokenAnchor, .missingImage, .rootAbsoluteLink]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        // Tens of thousands of links at scale: each article is checked on its own, on all cores.
        return kb.articles.parallelMap { check($0, in: kb) }.flatMap { $0 }
    }

    private func check(_ article: RenderedArticle, in kb: KnowledgeBase) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let links = article.body.links
        // Resolved while rendering; an article made some other way has its links resolved here.
        let targets =
            article.linkTargets.count == links.count
            ? article.linkTargets : links.map { LinkTarget.resolve($0.destination, from: article.sourcePath) }
        for (link, target) in zip(links, targets) {
            // Only a broken link needs its location; most links are fine.
            var here: SourceLocation { kb.location(article, line: link.line, column: link.column) }
            switch target {
            case .external:
                continue
            case .sameArticle(let fragment):
                if !hasAnchor(article, fragment) {
                    found.append(
                        diagnostic(.brokenAnchor, .error, at: here, "no heading '#\(fragment)' in this article"))
                }
            case .article(let path, let fragment):
                guard let index = kb.bySourcePath[path] else {
                    found.append(
                        diagnostic(
                            .brokenLink, .error, at: here,
                            "link to \(link.destination): no article \(kb.contentFile(path))"))
                    continue
                }
                if let fragment, !fragment.isEmpty, !hasAnchor(kb.articles[index], fragment) {
                    found.append(
                        diagnostic(
                            .brokenAnchor, .error, at: here,
                            "link to \(link.destination): \(kb.contentFile(path)) has no heading '#\(fragment)'"
                        )
                    )
                }
            case .file(let path):
                if kb.assets[path] == nil {
                    let rule: RuleID = link.isImage ? .missingImage : .brokenLink
                    found.append(
                        diagnostic(rule, .error, at: here, "\(link.destination): no file \(kb.contentFile(path))"))
                }
            case .outside(let destination):
                let rule: RuleID = link.isImage ? .missingImage : .rootAbsoluteLink
                found.append(
                    diagnostic(
                        rule, link.isImage ? .error : .warning, at: here,
                        "\(destination) points outside the content folder; it breaks when the site is opened from a folder"
                    )
                )
            }
        }
        return found
    }

    /// A refused body has no headings to judge, so its anchors are taken on trust.
    private func hasAnchor(_ article: RenderedArticle, _ fragment: String) -> Bool {
        article.bodyRefused || article.headings.contains { $0.anchor == fragment } || fragment.hasPrefix("fn")
    }
}
