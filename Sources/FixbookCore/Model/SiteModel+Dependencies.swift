extension SiteModel {
    /// The output files whose contents depend on the article with `slug`: its page, every page
    /// that lists or links to it, its redirects, and the site-wide files (home, indexes, feeds,
    /// search index). An incremental build re-renders these when the article changes.
    public func outputs(dependingOn slug: String) -> Set<String> {
        guard let index = knowledgeBase.bySlug[slug] else { return [] }
        let article = articles[index]
        var paths: Set<String> = [
            article.outputPath, SiteURLs.home, SiteURLs.codeIndex, SiteURLs.categoryIndex, SiteURLs.tagIndex,
            "sitemap.xml", "feed.xml", "search-index.json", "assets/search-index.js",
        ]
        paths.insert(SiteURLs.categoryFile(categoryKeys[index]))
        // The articles before and after it in its category link to it by title.
        for neighbor in [categoryNeighbors[index].previous, categoryNeighbors[index].next].compactMap({ $0 }) {
            paths.insert(articles[neighbor].outputPath)
        }
        for tag in article.metadata.tags { paths.insert(SiteURLs.tagFile(TermSlug.make(tag))) }
        for code in article.metadata.codes { paths.insert(SiteURLs.code(code.code)) }
        for alias in article.metadata.aliases {
            if let path = AliasPath.outputPath(alias.text) { paths.insert(path) }
        }
        // Articles that show it as related, or whose body links to its file.
        for (other, list) in related.enumerated() where other != index {
            let links = articles[other].linkTargets.contains {
                if case .article(let path, _) = $0 { return path == article.sourcePath }
                return false
            }
            if links || list.contains(index) { paths.insert(articles[other].outputPath) }
        }
        return paths
    }
}
