/// An article with its body rendered: what every later stage reads. Nothing in it is filled in
/// later; the Markdown source is gone, the HTML, headings, links and plain text are here.
///
/// A value, kept in one shared box until it is changed: every stage copies articles (the model,
/// the validator, the renderer, the preview's memory of the last build), and a copy of the
/// fields themselves retains some thirty strings and arrays, which the preview paid on ten
/// thousand articles at every save.
public struct RenderedArticle: Sendable {
    private struct Fields {
        var sourcePath: String
        var metadata: ArticleMetadata
        var slug: String
        var title: String
        var body: RenderedMarkdown
        var linkTargets: [LinkTarget]
        var bodyRefused: Bool
    }

    /// The box. Never changed while shared: every change makes the box its own first.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(
        parsed: ParsedArticle, body: RenderedMarkdown, linkTargets: [LinkTarget], bodyRefused: Bool
    ) {
        storage = Storage(
            Fields(
                sourcePath: parsed.sourcePath, metadata: parsed.metadata, slug: parsed.slug, title: parsed.title,
                body: body, linkTargets: linkTargets, bodyRefused: bodyRefused))
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    /// Content-relative source path (`bounces/552.md`).
    public var sourcePath: String {
        _read { yield storage.fields.sourcePath }
        _modify {
            makeUnique()
            yield &storage.fields.sourcePath
        }
    }

    public var metadata: ArticleMetadata {
        _read { yield storage.fields.metadata }
        _modify {
            makeUnique()
            yield &storage.fields.metadata
        }
    }

    /// URL name, `[a-z0-9-]`; the page is `articles/<slug>.html`.
    public var slug: String {
        _read { yield storage.fields.slug }
        _modify {
            makeUnique()
            yield &storage.fields.slug
        }
    }

    public var title: String {
        _read { yield storage.fields.title }
        _modify {
            makeUnique()
            yield &storage.fields.title
        }
    }

    /// The rendered body, its headings (solution sections marked), links and plain text.
    public var body: RenderedMarkdown {
        _read { yield storage.fields.body }
        _modify {
            makeUnique()
            yield &storage.fields.body
        }
    }

    /// What each of `body.links` points at, in the same order: resolved once while rendering,
    /// for the link checks.
    public var linkTargets: [LinkTarget] {
        _read { yield storage.fields.linkTargets }
        _modify {
            makeUnique()
            yield &storage.fields.linkTargets
        }
    }

    /// True when the body broke a `MarkdownLimits` limit and was not rendered: the checks that
    /// read the body (solution sections, anchors) cannot judge it, and its limit error says why.
    public var bodyRefused: Bool {
        _read { yield storage.fields.bodyRefused }
        _modify {
            makeUnique()
            yield &storage.fields.bodyRefused
        }
    }

    /// The page path inside the output folder.
    public var outputPath: String { SiteURLs.article(slug) }

    /// The headings of the body.
    public var headings: [Heading] { body.headings }
}
