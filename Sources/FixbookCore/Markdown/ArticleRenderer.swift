/// The second stage: renders a parsed article's body into a `RenderedArticle`. Links to other
/// articles and to content files are rewritten to their pages and copies; a body over the
/// Markdown limits is not rendered at all, and its limit diagnostic is returned instead.
public struct ArticleRenderer: Sendable {
    let limits: MarkdownLimits
    let unsafe: Bool
    let solutionHeadings: [String]
    /// The label of each heading's copy-link anchor, in the site's language.
    let copyLinkLabel: String
    /// The tooltip of a link to an article that is not in the knowledge base.
    let missingArticleLabel: String
    /// Which article each content path is, and which content files exist, for link rewriting.
    let slugBySourcePath: [String: String]
    let assets: Set<String>
    /// Keep each section's plain text (`fixbook lookup` prints solutions from it).
    let sectionTexts: Bool

    public init(
        config: SiteConfig, ui: UIStrings, slugBySourcePath: [String: String], assets: Set<String>,
        sectionTexts: Bool
    ) {
        limits = config.limits
        unsafe = config.unsafe
        solutionHeadings = config.solutionHeadings
        copyLinkLabel = ui.copyLink
        missingArticleLabel = ui.missingArticle
        self.slugBySourcePath = slugBySourcePath
        self.assets = assets
        self.sectionTexts = sectionTexts
    }

    /// Renders `article`; the diagnostic is set when a limit refused its body.
    public func render(_ article: ParsedArticle) -> (article: RenderedArticle, diagnostic: Diagnostic?) {
        let sourcePath = article.sourcePath
        let refusal = limits.violation(in: article.body).map { violation in
            Diagnostic(
                rule: violation.rule, severity: .error,
                location: SourceLocation(file: sourcePath, line: article.bodyFirstLine + violation.line - 1),
                message: violation.message
            )
        }
        let targets = LinkTargetList()
        let slugs = slugBySourcePath
        let assets = assets
        let missing = missingArticleLabel
        var body = MarkdownRenderer.render(
            refusal == nil ? article.body : "", firstLine: article.bodyFirstLine, unsafe: unsafe,
            copyLinkLabel: copyLinkLabel, sectionTexts: sectionTexts
        ) { destination, _ in
            let target = LinkTarget.resolve(destination, from: sourcePath)
            targets.list.append(target)
            switch target {
            case .article(let path, let fragment):
                // A link to an article that is not here (`broken-link`, when the team lowered it to
                // a warning) leads nowhere harmful, and says so.
                guard let slug = slugs[path] else { return .init(url: SiteURLs.missingArticle, title: missing) }
                return .init(url: SiteURLs.articleFileName(slug) + (fragment.map(SiteURLs.fragment) ?? ""))
            case .file(let path):
                return assets.contains(path) ? .init(url: "../" + SiteURLs.asset(path)) : nil
            default:
                return nil
            }
        }
        SolutionSection.mark(&body.headings, solutionHeadings: solutionHeadings)
        var parsed = article
        parsed.body = ""  // the rendered form is all later stages need
        return (
            RenderedArticle(parsed: parsed, body: body, linkTargets: targets.list, bodyRefused: refusal != nil),
            refusal
        )
    }
}

/// The targets of one article's links as the renderer meets them; filled and read by the one
/// thread that renders the article.
private final class LinkTargetList: @unchecked Sendable {
    var list: [LinkTarget] = []
}
