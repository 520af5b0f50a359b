/// An article with its body rendered: what every later stage reads. Nothing in it is filled in
/// later; the Markdown source is gone, the HTML, headings, links and plain text are here.
public struct RenderedArticle: Sendable {
    /// Content-relative source path (`bounces/552.md`).
    public var sourcePath: String
    public var metadata: ArticleMetadata
    /// URL name, `[a-z0-9-]`; the page is `articles/<slug>.html`.
    public var slug: String
    public var title: String
    /// The rendered body, its headings (solution sections marked), links and plain text.
    public var body: RenderedMarkdown
    /// What each of `body.links` points at, in the same order: resolved once while rendering,
    /// for the link checks.
    public var linkTargets: [LinkTarget]
    /// True when the body broke a `MarkdownLimits` limit and was not rendered: the checks that
    /// read the body (solution sections, anchors) cannot judge it, and its limit error says why.
    public var bodyRefused: Bool

    public init(
        parsed: ParsedArticle, body: RenderedMarkdown, linkTargets: [LinkTarget], bodyRefused: Bool
    ) {
        self.sourcePath = parsed.sourcePath
        self.metadata = parsed.metadata
        self.slug = parsed.slug
        self.title = parsed.title
        self.body = body
        self.linkTargets = linkTargets
        self.bodyRefused = bodyRefused
    }

    /// The page path inside the output folder.
    public var outputPath: String { SiteURLs.article(slug) }

    /// The headings of the body.
    public var headings: [Heading] { body.headings }
}
