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
        let contentURL = root.appendingPathComponent(config.content)
        var sources = try ContentSources.load(from: contentURL)
        var diagnostics = configDiagnostics
        let contentPrefix = config.content.hasSuffix("/") ? config.content : config.content + "/"
        func located(_ list: [Diagnostic]) -> [Diagnostic] {
            list.map { diagnostic in
                var moved = diagnostic
                moved.location.file = contentPrefix + diagnostic.location.file
                return moved
            }
        }

        diagnostics += located(sources.diagnostics)
        var articles: [Article] = []
        // Each file's text is let go once parsed (at 100,000 articles the sources are 0.7 GB): the
        // scope ends the texts' and the parse results' lifetimes here.
        do {
            let files = sources.articles
            sources.articles = []
            for (article, found) in files.parallelMap({ ArticleParser.parse($0) }) {
                diagnostics += located(found)
                if let article, options.includeDrafts || !article.metadata.draft { articles.append(article) }
            }
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

        let slugBySourcePath = Dictionary(
            articles.map { ($0.sourcePath, $0.slug) }, uniquingKeysWith: { first, _ in first })
        let assets = Set(sources.assets.keys)
        let ui = UIStrings.forLanguage(config.language)
        let unsafe = config.unsafe
        let keepSections = options.sectionTexts
        let solutionHeadings = config.solutionHeadings
        let limits = config.limits
        // The bodies move to a store each render takes its own from, so a body is freed as soon
        // as it is rendered instead of when the last one is.
        let bodies = TakeOnceStore(articles.map(\.body))
        for index in articles.indices { articles[index].body = "" }
        let unrendered = articles
        let rendered = articles.indices.map { $0 }.parallelMap { index -> (Article, Diagnostic?) in
            var article = unrendered[index]
            article.body = bodies.take(index)
            let sourcePath = article.sourcePath
            // A body over the limits is not rendered at all; the rest of the article is still checked.
            let diagnostic = limits.violation(in: article.body).map { violation in
                Diagnostic(
                    rule: violation.rule, severity: .error,
                    location: SourceLocation(file: sourcePath, line: article.bodyFirstLine + violation.line - 1),
                    message: violation.message
                )
            }
            if diagnostic != nil {
                article.body = ""
                article.bodyRefused = true
            }
            let targets = LinkTargetList()
            article.rendered = MarkdownRenderer.render(
                article.body, firstLine: article.bodyFirstLine, unsafe: unsafe, copyLinkLabel: ui.copyLink,
                sectionTexts: keepSections
            ) { destination, _ in
                let target = LinkTarget.resolve(destination, from: sourcePath)
                targets.list.append(target)
                switch target {
                case .article(let path, let fragment):
                    guard let slug = slugBySourcePath[path] else { return nil }
                    return slug + ".html" + (fragment.map { "#" + encodeFragment($0) } ?? "")
                case .file(let path):
                    return assets.contains(path) ? "../" + assetOutputPath(path) : nil
                default:
                    return nil
                }
            }
            article.linkTargets = targets.list
            if article.rendered != nil {
                SolutionSection.mark(&article.rendered!.headings, solutionHeadings: solutionHeadings)
            }
            article.body = ""  // the rendered form is all later stages need
            return (article, diagnostic)
        }
        articles = rendered.map(\.0)
        diagnostics += located(rendered.compactMap(\.1))

        let knowledgeBase = KnowledgeBase(
            config: config, articles: articles, categories: categories, catalog: catalog,
            assets: Dictionary(uniqueKeysWithValues: sources.assets.map { ($0.key, $0.value.path) })
        )
        return LoadedSite(
            root: root, knowledgeBase: knowledgeBase, diagnostics: diagnostics,
            dataFiles: sources.dataFiles, synonyms: synonyms
        )
    }
}

/// The targets of one article's links as the renderer meets them; filled and read by the one
/// thread that renders the article.
private final class LinkTargetList: @unchecked Sendable {
    var list: [LinkTarget] = []
}

/// Where a content asset is copied in the output (`files/<content path>`), percent-encoded.
public func assetOutputPath(_ contentPath: String) -> String {
    "files/" + encodePath(contentPath)
}

/// Percent-encodes a fragment for an `href` as Foundation's `urlFragmentAllowed` does: every UTF-8
/// byte outside RFC 3986's fragment characters becomes `%XX`. Done on the bytes: most anchors are
/// Chinese, and Foundation's walk over them was 1.5% of a build.
public func encodeFragment(_ fragment: String) -> String {
    if fragment.utf8.allSatisfy({ fragmentKeeps[Int($0)] }) { return fragment }
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(fragment.utf8.count * 3)
    for byte in fragment.utf8 {
        if fragmentKeeps[Int(byte)] {
            out.append(byte)
        } else {
            out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// RFC 3986 fragment characters: unreserved, sub-delims, `:`, `@`, `/` and `?`.
private let fragmentKeeps: [Bool] = {
    var keeps = [Bool](repeating: false, count: 256)
    for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?".utf8 {
        keeps[Int(byte)] = true
    }
    return keeps
}()
