/// Which pages of a help center in several languages are translations of each other. An
/// article's translation is the article at the same content-relative path in another language's
/// folder, or the one with the same `translationKey`; every other page (home, a code, a
/// category…) is the page at the same path, when that language has it.
public struct Translations: Sendable {
    public let languages: [SiteLanguage]
    let models: [SiteModel]
    /// For each language: article index by translation key.
    let articleByKey: [[String: Int]]

    public init(languages: [SiteLanguage], models: [SiteModel]) {
        self.languages = languages
        self.models = models
        articleByKey = models.map { model in
            Dictionary(
                model.articles.enumerated().map { (Self.key(of: $0.element), $0.offset) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// What ties an article to its translations: its `translationKey`, else its content path
    /// without the extension (`bounces/552`), so `552.md` and `552.markdown` are one article.
    public static func key(of article: RenderedArticle) -> String {
        if let key = article.metadata.translationKey { return key }
        let path = article.sourcePath
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }

    /// The translation of the article at `index` of language `from` in language `to`.
    public func article(_ index: Int, from: Int, to: Int) -> Int? {
        from == to ? index : articleByKey[to][Self.key(of: models[from].articles[index])]
    }

    /// The path (relative to language `to`'s root) of the page at `path` of language `from`, or
    /// nil when language `to` has no such page.
    public func counterpart(of path: String, from: Int, to: Int) -> String? {
        if from == to { return path }
        switch models[from].page(at: path) {
        case .article(let index): return article(index, from: from, to: to).map { models[to].articles[$0].outputPath }
        case nil: return nil
        default: return models[to].page(at: path) == nil ? nil : path
        }
    }
}
