/// An article as read from its file: typed front matter and the Markdown body, not yet rendered.
/// The first stage of the pipeline (`ParsedArticle` → `RenderedArticle` → `SiteModel`).
public struct ParsedArticle: Sendable {
    /// Content-relative source path (`bounces/552.md`).
    public var sourcePath: String
    public var metadata: ArticleMetadata
    /// URL name, `[a-z0-9-]`; the page is `articles/<slug>.html`.
    public var slug: String
    public var title: String
    /// The Markdown body and the file line it starts on.
    public var body: String
    public var bodyFirstLine: Int

    public init(
        sourcePath: String, metadata: ArticleMetadata, slug: String, title: String, body: String, bodyFirstLine: Int
    ) {
        self.sourcePath = sourcePath
        self.metadata = metadata
        self.slug = slug
        self.title = title
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }
}

/// Turns a source file into a `ParsedArticle`, or into diagnostics saying why it cannot be one.
public enum ArticleParser {
    /// Parses front matter and decides the slug; `ArticleRenderer` renders the body next.
    public static func parse(_ source: SourceText, config: SiteConfig = SiteConfig()) -> (ParsedArticle?, [Diagnostic])
    {
        let file = source.path
        func fail(_ rule: RuleID, _ message: String) -> (ParsedArticle?, [Diagnostic]) {
            (
                nil,
                [
                    Diagnostic(
                        rule: rule, severity: .error, location: SourceLocation(file: file, line: 1), message: message)
                ]
            )
        }
        let split: FrontMatterSplit
        switch FrontMatterSplitter.split(source.text) {
        case .success(let value): split = value
        case .failure(.missing):
            return fail(
                .frontMatterMissing,
                "no front matter: the file must start with a '---' line, then YAML with at least a title, then '---'")
        case .failure(.unterminated):
            return fail(
                .frontMatterUnterminated, "front matter opened with '---' on line 1 is never closed by a '---' line")
        }
        // Front matter is a few lines; megabytes of it are a mistake or an attack on the YAML parser.
        guard split.yaml.utf8.count <= 256 * 1024 else {
            return fail(.frontMatterTooLarge, "front matter is \(split.yaml.utf8.count) bytes; the limit is 256 KB")
        }
        var (metadata, diagnostics) = ArticleMetadataDecoder.decode(split, path: file, config: config)
        if diagnostics.contains(where: { $0.rule == .frontMatterInvalid || $0.rule == .frontMatterEmpty }) {
            return (nil, diagnostics)
        }
        guard let title = metadata.title?.trimmed, !title.isEmpty else {
            let line = metadata.keyLines["title"] ?? 1
            diagnostics.append(
                Diagnostic(
                    rule: .titleMissing, severity: .error, location: SourceLocation(file: file, line: line),
                    message: "the article has no title")
            )
            return (nil, diagnostics)
        }
        let slug: String
        if let written = metadata.slug {
            slug = written
            if let problem = Slug.problem(written) {
                let line = metadata.keyLines["slug"] ?? 1
                diagnostics.append(
                    Diagnostic(
                        rule: .unsafeSlug, severity: .error,
                        location: SourceLocation(file: file, line: line, column: 1),
                        message: "slug '\(written)' \(problem)", suggestion: Slug.make(from: written)
                    )
                )
            }
        } else {
            let stem = Slug.stem(of: file)
            slug = Slug.make(from: stem)
            if Slug.problem(stem) != nil {
                diagnostics.append(
                    Diagnostic(
                        rule: .unsafeSlug, severity: .warning, location: SourceLocation(file: file, line: 1),
                        message:
                            "file name '\(stem)' is not URL-safe; the page is named '\(slug)'; set 'slug:' to choose",
                        suggestion: slug
                    )
                )
            }
        }
        let article = ParsedArticle(
            sourcePath: file, metadata: metadata, slug: slug, title: title,
            body: split.body, bodyFirstLine: split.bodyFirstLine
        )
        return (Slug.problem(slug) == nil ? article : nil, diagnostics)
    }
}
