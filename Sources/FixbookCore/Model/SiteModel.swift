/// The assembled site: every fact the outputs need, derived once from the loaded knowledge base
/// and then only read. Pages, code pages, feeds, the search index, `lookup` and the rules take
/// what they show from here; none derives a site fact of its own.
public final class SiteModel: Sendable {
    public let knowledgeBase: KnowledgeBase
    /// Groups of words searched as one, from `synonyms.yml`.
    public let synonyms: [[String]]
    /// The interface strings in the site's language.
    public let ui: UIStrings
    /// The categories that have articles, in listing order: those of `categories.yml`, then the
    /// keys articles use that it lacks (titled as written), then the made-up one for articles
    /// without a category (key `""`).
    public let categories: [Category]
    /// Every category's title by key, listed or not (search results show it).
    public let categoryTitles: [String: String]
    /// Article indices by category key (`""`: none), in article order.
    public let byCategory: [String: [Int]]
    /// Article indices by tag slug (`TermSlug`), in article order, and the first spelling of each.
    public let byTag: [String: [Int]]
    public let tagNames: [String: String]
    /// For each article, for each of its codes: the anchor its solution link points at.
    public let solutionAnchors: [[String?]]
    /// For each article, the anchor of its first non-empty solution section.
    public let firstSolutionAnchor: [String?]
    /// For each article, the articles shown as related (hand-picked first).
    public let related: [[Int]]
    /// Article indices, most recently updated first (ties by slug): the home page and the feed.
    public let recentlyUpdated: [Int]

    public var config: SiteConfig { knowledgeBase.config }
    public var articles: [RenderedArticle] { knowledgeBase.articles }

    public convenience init(_ site: LoadedSite) {
        self.init(knowledgeBase: site.knowledgeBase, synonyms: site.synonyms)
    }

    public init(knowledgeBase kb: KnowledgeBase, synonyms: [[String]]) {
        knowledgeBase = kb
        self.synonyms = synonyms
        ui = UIStrings.forLanguage(kb.config.language)
        var byTag: [String: [Int]] = [:]
        var tagNames: [String: String] = [:]
        var byCategory: [String: [Int]] = [:]
        for (index, article) in kb.articles.enumerated() {
            for tag in article.metadata.tags {
                let slug = TermSlug.make(tag)
                if byTag[slug]?.last != index { byTag[slug, default: []].append(index) }
                if tagNames[slug] == nil { tagNames[slug] = tag }
            }
            byCategory[article.metadata.category ?? "", default: []].append(index)
        }
        var categories = kb.categories
        // Without categories.yml, the keys articles use become categories as written.
        for key in byCategory.keys.sorted() where !key.isEmpty && !categories.contains(where: { $0.key == key }) {
            categories.append(Category(key: key, title: key, order: Int.max))
        }
        if byCategory[""] != nil {
            categories.append(Category(key: "", title: ui.otherCategory, order: Int.max))
        }
        categoryTitles = Dictionary(categories.map { ($0.key, $0.title) }, uniquingKeysWith: { first, _ in first })
        self.categories = categories.filter { byCategory[$0.key] != nil }
        self.byTag = byTag
        self.tagNames = tagNames
        self.byCategory = byCategory
        let (tags, articleCategories) = (byTag, byCategory)
        solutionAnchors = kb.articles.map { article in article.metadata.codes.map { article.solutionAnchor(for: $0) } }
        firstSolutionAnchor = kb.articles.map { SolutionSection.firstAnchor($0.headings) }
        related = kb.articles.indices.map { $0 }.parallelMap { index in
            RelatedArticles.pick(for: index, in: kb, byTag: tags, byCategory: articleCategories)
        }
        let articles = kb.articles
        recentlyUpdated = articles.indices.sorted {
            let (a, b) = (articles[$0].metadata.updated ?? "", articles[$1].metadata.updated ?? "")
            return a != b ? a > b : $0 < $1
        }
    }

    /// The category an article is listed under, when `categories.yml` or the article names one.
    public func category(of article: RenderedArticle) -> Category? {
        article.metadata.category.flatMap { key in categories.first { $0.key == key } }
    }

    /// The link from the site root to the solution of an article's code (its `index` in `codes:`).
    public func solutionURL(article: Int, code: Int) -> String {
        SiteURLs.solution(articles[article].slug, anchor: solutionAnchors[article][code])
    }

    /// Articles in listing order: `order`, then title, then slug.
    public func inListingOrder(_ indices: [Int]) -> [Int] {
        let articles = self.articles
        return indices.sorted {
            let a = articles[$0]
            let b = articles[$1]
            return (a.metadata.order ?? Int.max, a.title, a.slug) < (b.metadata.order ?? Int.max, b.title, b.slug)
        }
    }

    /// The system a code key's page is filed under: that of its first use.
    public func code(forKey key: String) -> ErrorCode {
        let first = knowledgeBase.byCodeKey[key].flatMap { $0.first }.flatMap { index in
            articles[index].metadata.codes.first { $0.code.key == key }
        }
        return first?.code ?? ErrorCode(written: key, key: key, system: .other)
    }
}
