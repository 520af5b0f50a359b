import Foundation

/// The assembled knowledge base: every published article, looked up by slug and by code key.
public struct KnowledgeBase: Sendable {
    public var config: SiteConfig
    /// Articles sorted by slug.
    public var articles: [RenderedArticle]
    public var categories: [Category]
    public var catalog: [CatalogEntry]
    /// Content assets (images, files) by content-relative path.
    public var assets: [String: String]
    /// Indices into `articles` by slug.
    public private(set) var bySlug: [String: Int] = [:]
    /// Indices into `articles` by source path.
    public private(set) var bySourcePath: [String: Int] = [:]
    /// Indices into `articles` for each normalized code key, in article order.
    public private(set) var byCodeKey: [String: [Int]] = [:]
    /// Indices into `articles` in the order of their source paths: the order in which the rules
    /// that report the second of two articles meet them.
    public private(set) var inSourceOrder: [Int] = []

    public init(
        config: SiteConfig, articles: [RenderedArticle], categories: [Category], catalog: [CatalogEntry],
        assets: [String: String]
    ) {
        self.config = config
        self.articles = articles.sorted { $0.slug < $1.slug }
        self.categories = categories.sorted { ($0.order, $0.key) < ($1.order, $1.key) }
        self.catalog = catalog
        self.assets = assets
        let sorted = self.articles
        inSourceOrder = sorted.indices.sorted { sorted[$0].sourcePath < sorted[$1].sourcePath }
        for (index, article) in self.articles.enumerated() {
            if bySlug[article.slug] == nil { bySlug[article.slug] = index }
            bySourcePath[article.sourcePath] = index
            for key in Set(article.metadata.codes.map(\.code.key)).sorted() {
                byCodeKey[key, default: []].append(index)
            }
        }
    }

    public func article(slug: String) -> RenderedArticle? { bySlug[slug].map { articles[$0] } }

    /// Puts `article` in place of the one at `index` when it keeps its place (the same slug and
    /// source file), and says whether it did; the code keys it claims are looked up anew.
    mutating func replace(at index: Int, with article: RenderedArticle) -> Bool {
        let old = articles[index]
        guard old.slug == article.slug, old.sourcePath == article.sourcePath else { return false }
        let (before, after) = (Set(old.metadata.codes.map(\.code.key)), Set(article.metadata.codes.map(\.code.key)))
        for key in before.subtracting(after) {
            byCodeKey[key]?.removeAll { $0 == index }
            if byCodeKey[key]?.isEmpty == true { byCodeKey[key] = nil }
        }
        for key in after.subtracting(before) {
            // In article order, as `init` lists them.
            let claims = byCodeKey[key] ?? []
            byCodeKey[key, default: []].insert(index, at: claims.sortedPlace(of: index))
        }
        articles[index] = article
        return true
    }

    public func category(key: String) -> Category? { categories.first { $0.key == key } }

    /// Every code key with the articles that claim it, in the order a reader expects: numbers
    /// in a key compare as numbers (5.1.8 before 5.1.10, 550 before 10053), then as written.
    public var codeKeys: [String] {
        byCodeKey.keys.sorted {
            switch $0.compare($1, options: .numeric) {
            case .orderedAscending: true
            case .orderedDescending: false
            case .orderedSame: $0 < $1
            }
        }
    }
}

extension KnowledgeBase {
    /// A location in an article's source file, as diagnostics print it (`Content/x.md`).
    public func location(_ article: RenderedArticle, line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: contentFile(article.sourcePath), line: line, column: column)
    }

    /// A content-relative path made relative to the site root.
    public func contentFile(_ path: String) -> String {
        let folder = config.content.hasSuffix("/") ? String(config.content.dropLast()) : config.content
        return folder.isEmpty || folder == "." ? path : folder + "/" + path
    }
}
