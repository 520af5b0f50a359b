/// A page of the site by what it shows, read back from its path: an incremental build
/// re-renders a path, and a help center in several languages finds the same page in another.
public enum SitePage: Sendable, Equatable {
    case home, search, notFound, codeIndex, categoryIndex, tagIndex
    case article(Int)
    /// A category's page, by category key.
    case category(String)
    /// A tag's page, by tag slug.
    case tag(String)
    /// A code key's page.
    case code(String)
}

extension SiteModel {
    /// The page written at `path` (relative to the site's root), or nil when the site has no
    /// page there. Alias redirects are not pages of their own.
    public func page(at path: String) -> SitePage? {
        switch path {
        case SiteURLs.home: return .home
        case SiteURLs.search: return .search
        case SiteURLs.notFound: return .notFound
        case SiteURLs.codeIndex: return .codeIndex
        case SiteURLs.categoryIndex: return .categoryIndex
        case SiteURLs.tagIndex: return .tagIndex
        default: break
        }
        guard path.hasSuffix(".html") else { return nil }
        if path.hasPrefix("articles/") {
            let slug = String(path.dropFirst("articles/".count).dropLast(".html".count))
            return knowledgeBase.bySlug[slug].map { .article($0) }
        }
        if path.hasPrefix("tags/") {
            let slug = String(path.dropFirst("tags/".count).dropLast(".html".count))
            return byTag[slug] == nil ? nil : .tag(slug)
        }
        if let key = categoryByFile[path] { return .category(key) }
        if let key = codeKeyByPage[path] { return .code(key) }
        return nil
    }
}
