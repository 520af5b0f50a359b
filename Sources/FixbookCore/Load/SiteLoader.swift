import Foundation

/// Options that change what is loaded.
public struct LoadOptions: Sendable {
    public var includeDrafts = false
    /// Keep each section's plain text (`fixbook lookup` prints solutions from it).
    public var sectionTexts = false

    public init(includeDrafts: Bool = false, sectionTexts: Bool = false) {
        self.includeDrafts = includeDrafts
        self.sectionTexts = sectionTexts
    }
}

/// A knowledge base read from disk, with every diagnostic found while reading it.
public struct LoadedSite: Sendable {
    public var root: URL
    public var knowledgeBase: KnowledgeBase
    public var diagnostics: [Diagnostic]
    /// Raw optional data files, for the stages that use them (search tests).
    public var dataFiles: [String: SourceText]
    /// Groups of words searched as one, from `synonyms.yml`.
    public var synonyms: [[String]]
}

/// Reads config and content, parses every article and renders its body: the front of the pipeline.
public enum SiteLoader {
    /// Reads `fixbook.yml` under `root` (defaults when there is none).
    public static func loadConfig(root: URL) throws -> (SiteConfig, [Diagnostic]) {
        let url = root.appendingPathComponent("fixbook.yml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw FixbookError("root folder not found: \(root.path)")
            }
            return (SiteConfig(), [])
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = SourceText.decode(data) else {
            throw FixbookError("cannot read \(url.path)")
        }
        return SiteConfig.decode(text, path: "fixbook.yml")
    }

    /// Loads and renders the whole knowledge base under `root`.
    public static func load(root: URL, options: LoadOptions = LoadOptions()) throws -> LoadedSite {
        let (config, configDiagnostics) = try loadConfig(root: root)
        return try load(root: root, config: config, configDiagnostics: configDiagnostics, options: options)
    }

    /// Loads and renders the content of `config.content` with `config`. `sharedDataFiles` are
    /// the data files of a help center's content root (`Content/codes.yml`), used where the
    /// folder has none of its own; their paths start with `../`.
    static func load(
        root: URL, config: SiteConfig, configDiagnostics: [Diagnostic], sharedDataFiles: [String: SourceText] = [:],
        options: LoadOptions
    ) throws -> LoadedSite {
        var sources = try ContentSources.load(from: root.appendingPathComponent(config.content))
        sources.dataFiles.merge(sharedDataFiles) { own, _ in own }
        // Each file's text is let go once parsed, so a large site's sources are never all held.
        let files = sources.articles
        sources.articles = []
        let parsed = files.parallelMap { ArticleParser.parse($0, config: config) }
        return assemble(
            root: root, config: config, configDiagnostics: configDiagnostics, sources: sources, parsed: parsed,
            options: options
        ) { renderer, articles in
            // The bodies move to a store each render takes its own from, so a body is freed as
            // soon as it is rendered instead of when the last one is.
            let store = TakeOnceStore(articles)
            return (0..<store.count).map { $0 }.parallelMap { renderer.render(store.take($0)) }
        }
    }

    /// A loaded site from its parts: `sources` (without article texts), each article file's parse
    /// result in path order, and `render`, which renders the published articles with the site's
    /// `ArticleRenderer` (an incremental build reuses what it rendered before).
    static func assemble(
        root: URL, config: SiteConfig, configDiagnostics: [Diagnostic], sources: ContentSources,
        parsed: [(ParsedArticle?, [Diagnostic])], options: LoadOptions,
        render: (ArticleRenderer, [ParsedArticle]) -> [(article: RenderedArticle, diagnostic: Diagnostic?)]
    ) -> LoadedSite {
        var diagnostics = configDiagnostics
        let contentPrefix = config.content.hasSuffix("/") ? config.content : config.content + "/"
        func located(_ list: [Diagnostic]) -> [Diagnostic] {
            list.map { diagnostic in
                var moved = diagnostic
                moved.location.file = joinedPath(contentPrefix, diagnostic.location.file)
                return moved
            }
        }

        diagnostics += located(sources.diagnostics)
        var articles: [ParsedArticle] = []
        for (article, found) in parsed {
            diagnostics += located(found)
            if let article, options.includeDrafts || !article.metadata.draft { articles.append(article) }
        }

        var categories: [Category] = []
        if let file = sources.dataFiles["categories.yml"] {
            let (decoded, found) = Category.decodeAll(file.text, path: file.path)
            categories = decoded
            diagnostics += located(found)
        }
        var catalog: [CatalogEntry] = []
        if let file = sources.dataFiles["codes.yml"] {
            let (decoded, found) = CatalogEntry.decodeAll(file.text, path: file.path)
            catalog = decoded
            diagnostics += located(found)
        }

        var synonyms: [[String]] = []
        if let file = sources.dataFiles["synonyms.yml"] {
            let (decoded, found) = Synonyms.decode(file.text, path: file.path)
            synonyms = decoded
            diagnostics += located(found)
        }

        let renderer = ArticleRenderer(
            config: config, ui: UIStrings.forLanguage(config.language),
            slugBySourcePath: Dictionary(
                articles.map { ($0.sourcePath, $0.slug) }, uniquingKeysWith: { first, _ in first }),
            assets: Set(sources.assets.keys), sectionTexts: options.sectionTexts)
        let rendered = render(renderer, articles)
        articles = []
        let renderedArticles = rendered.map(\.article)
        diagnostics += located(rendered.compactMap(\.diagnostic))

        let knowledgeBase = KnowledgeBase(
            config: config, articles: renderedArticles, categories: categories, catalog: catalog,
            assets: Dictionary(uniqueKeysWithValues: sources.assets.map { ($0.key, $0.value.path) })
        )
        return LoadedSite(
            root: root, knowledgeBase: knowledgeBase, diagnostics: diagnostics,
            dataFiles: sources.dataFiles, synonyms: synonyms
        )
    }
}

/// `folder/` and a path relative to it, whose leading `../` climb out of it
/// (`Content/en/` + `../codes.yml` → `Content/codes.yml`).
func joinedPath(_ folder: String, _ path: String) -> String {
    var parts = folder.split(separator: "/").map(String.init)
    var rest = Substring(path)
    while rest.hasPrefix("../"), !parts.isEmpty {
        parts.removeLast()
        rest = rest.dropFirst(3)
    }
    let lead = folder.hasPrefix("/") ? "/" : ""
    return lead + (parts.isEmpty ? "" : parts.joined(separator: "/") + "/") + rest
}
