/// A heading of an article body, with the anchor its HTML carries.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    /// The `id` of the heading element, unique within the article.
    public var anchor: String
    /// File line of the heading.
    public var line: Int
    /// True when blocks other than headings follow it before its section ends.
    public var sectionHasContent: Bool
    /// True when its text is one of the configured solution headings (set when the site loads).
    public var opensSolution = false
    /// File line of the scaffold's placeholder marker (`ArticleScaffold.placeholderMarker`) in
    /// this heading's section, when the author has not replaced the scaffold text yet.
    public var placeholderLine: Int?

    public init(level: Int, text: String, anchor: String, line: Int, sectionHasContent: Bool) {
        self.level = level
        self.text = text
        self.anchor = anchor
        self.line = line
        self.sectionHasContent = sectionHasContent
    }
}

/// A link or image destination as written in Markdown, with where it is.
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    public var isImage: Bool
    public var line: Int
    public var column: Int

    public init(destination: String, isImage: Bool, line: Int, column: Int) {
        self.destination = destination
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}

/// What rendering one Markdown body gives: HTML plus the facts the other stages need.
public struct RenderedMarkdown: Sendable {
    /// HTML of the body; headings carry `id`s and a copy-link anchor.
    public var html: String
    public var headings: [Heading]
    /// Every link and image destination, as written (before rewriting).
    public var links: [MarkdownLink]
    /// The body as plain text, for the search index and snippets.
    public var plainText: String
    /// Plain text of each heading's section, keyed by anchor, for terminal answers; only filled
    /// when asked for (`LoadOptions.sectionTexts`), as a build never needs it.
    public var sectionText: [String: String]
}
