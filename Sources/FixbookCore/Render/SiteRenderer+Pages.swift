/// Rendering some pages only, for an incremental build: each path is re-rendered from the model,
/// or reported gone when the site no longer has that page.
extension SiteRenderer {
    /// The file at each of `paths` (pages and redirects), or nil for a path the site no longer
    /// has. The sitemap and the feed are made over the whole site by `FeedWriter`.
    public func render(only paths: Set<String>) throws -> [String: OutputFile?] {
        var result: [String: OutputFile?] = [:]
        let redirects = Dictionary(
            try renderRedirects(only: paths).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let catalogByKey = Dictionary(grouping: kb.catalog, by: \.code.key)
        let rendered = try paths.sorted().parallelTryMap { path -> (String, OutputFile?) in
            if let redirect = redirects[path] { return (path, redirect) }
            switch model.page(at: path) {
            case .home: return (path, OutputFile(path: path, text: try renderHome()))
            case .search: return (path, try renderSearchPage())
            case .notFound: return (path, try renderNotFoundPage())
            case .categoryIndex: return (path, try renderCategoryIndex())
            case .tagIndex: return (path, try renderTagIndex())
            case .codeIndex: return (path, try renderCodeIndex(catalogByKey: catalogByKey))
            case .article(let index): return (path, OutputFile(path: path, text: try renderArticle(index)))
            case .category(let key):
                return (path, try model.categories.first { $0.key == key }.map(renderCategoryPage))
            case .tag(let slug): return (path, try renderTagPage(slug))
            case .code(let key): return (path, try renderCodePage(key, catalog: catalogByKey[key] ?? []))
            case nil: return (path, nil)
            }
        }
        for (path, file) in rendered { result[path] = .some(file) }
        return result
    }
}
