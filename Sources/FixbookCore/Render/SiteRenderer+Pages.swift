/// Rendering some pages only, for an incremental build: each path is re-rendered from the model,
/// or reported gone when the site no longer has that page.
extension SiteRenderer {
    /// The file at each of `paths` (pages and redirects), or nil for a path the site no longer
    /// has. The sitemap and the feed are made over the whole site by `FeedWriter`.
    public func render(only paths: Set<String>) throws -> [String: OutputFile?] {
        var result: [String: OutputFile?] = [:]
        let redirects = Dictionary(try renderRedirects().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let categories = Dictionary(
            model.categories.map { (SiteURLs.categoryFile($0.key), $0) }, uniquingKeysWith: { first, _ in first })
        let codeKeys = Dictionary(
            kb.codeKeys.map { (SiteURLs.code(model.code(forKey: $0)), $0) }, uniquingKeysWith: { first, _ in first })
        let catalogByKey = Dictionary(grouping: kb.catalog, by: \.code.key)
        let rendered = try paths.sorted().parallelTryMap { path -> (String, OutputFile?) in
            if let redirect = redirects[path] { return (path, redirect) }
            switch path {
            case SiteURLs.home: return (path, OutputFile(path: path, text: try renderHome()))
            case SiteURLs.categoryIndex: return (path, try renderCategoryIndex())
            case SiteURLs.tagIndex: return (path, try renderTagIndex())
            case SiteURLs.codeIndex: return (path, try renderCodeIndex(catalogByKey: catalogByKey))
            default: break
            }
            if path.hasPrefix("articles/"), path.hasSuffix(".html") {
                let slug = String(path.dropFirst("articles/".count).dropLast(".html".count))
                guard let index = kb.bySlug[slug] else { return (path, nil) }
                return (path, OutputFile(path: path, text: try renderArticle(index)))
            }
            if let category = categories[path] { return (path, try renderCategoryPage(category)) }
            if path.hasPrefix("tags/"), path.hasSuffix(".html") {
                let slug = String(path.dropFirst("tags/".count).dropLast(".html".count))
                return (path, model.byTag[slug] == nil ? nil : try renderTagPage(slug))
            }
            if let key = codeKeys[path] { return (path, try renderCodePage(key, catalog: catalogByKey[key] ?? [])) }
            return (path, nil)
        }
        for (path, file) in rendered { result[path] = .some(file) }
        return result
    }
}
