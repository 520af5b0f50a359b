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
    public var categories: [Category] { listings.categories }
    /// Every category's title by key, listed or not (search results show it).
    public var categoryTitles: [String: String] { listings.categoryTitles }
    /// Article indices by category key (`""`: none), in article order. A category that
    /// `categories.yml` does not list is keyed by its `TermSlug`, as tags are: its spellings
    /// that differ only in case or punctuation are one category.
    public var byCategory: [String: [Int]] { listings.byCategory }
    /// Each article's category key (`""`: none).
    public var categoryKeys: [String] { listings.categoryKeys }
    /// Article indices by tag slug (`TermSlug`), in article order, and the first spelling of each.
    public var byTag: [String: [Int]] { listings.byTag }
    public var tagNames: [String: String] { listings.tagNames }
    /// For each article, for each of its codes: the anchor its solution link points at.
    public let solutionAnchors: [[String?]]
    /// For each article, the anchor of its first non-empty solution section.
    public let firstSolutionAnchor: [String?]
    /// For each article, the articles shown as related (hand-picked first).
    public let related: [[Int]]
    /// Article indices, most recently updated first (ties by slug): the home page and the feed.
    public var recentlyUpdated: [Int] { listings.recentlyUpdated }
    /// The article before and after each one in its category's listing order.
    public var categoryNeighbors: [(previous: Int?, next: Int?)] { listings.categoryNeighbors }
    /// The featured articles (`featured: true`) in listing order: the home page's common questions.
    public var featured: [Int] { listings.featured }
    /// Each category page's path and each code page's path, with the key it shows.
    var categoryByFile: [String: String] { listings.categoryByFile }
    var codeKeyByPage: [String: String] { listings.codeKeyByPage }
    /// True when `related` was taken from the previous model: no article's related list moved.
    public let relatedUnchanged: Bool
    /// The articles whose related list was picked again after an edit (the others' are the
    /// previous model's); nil when every list was picked afresh.
    public let relatedPicked: Set<Int>?
    /// The lists above, kept whole for the model after an edit that moves nothing in them.
    let listings: Listings
    /// True when the lists were taken from the previous model: every article is where it was.
    public let listingsUnchanged: Bool

    public var config: SiteConfig { knowledgeBase.config }
    public var articles: [RenderedArticle] { knowledgeBase.articles }

    /// The model of `site`. With `previous`, the model of the same site before an edit, the related
    /// lists are taken from it when nothing they depend on changed (the articles, their order,
    /// codes, tags, categories and hand-picked related ones): an edit of a body or a title.
    /// `changed`, with `previous`: the source files of the only articles that may differ from it.
    public convenience init(_ site: LoadedSite, previous: SiteModel? = nil, changed: Set<String>? = nil) {
        self.init(knowledgeBase: site.knowledgeBase, synonyms: site.synonyms, previous: previous, changed: changed)
    }

    public init(
        knowledgeBase kb: KnowledgeBase, synonyms: [[String]], previous: SiteModel? = nil, changed: Set<String>? = nil
    ) {
        knowledgeBase = kb
        self.synonyms = synonyms
        ui = UIStrings.forLanguage(kb.config.language)
        // An edit that moved no article in any list (a body, a heading, a summary) keeps every
        // listing of the model before it: only the solution links are read again.
        // With the changed files known, only their articles can differ from the model before.
        let aligned = previous.flatMap { Self.alignedIndices($0.knowledgeBase, kb, changed: changed) }
        // An edit of tags or codes only (no article moved in its category, by date or in the
        // featured list) files the tags and codes again and keeps the rest.
        let ordered = previous.flatMap {
            Self.sameListings($0.knowledgeBase, kb, only: aligned, comparingTagsAndCodes: false) ? $0 : nil
        }
        let kept = ordered.flatMap { Self.sameListings($0.knowledgeBase, kb, only: aligned) ? $0 : nil }
        let listings = kept?.listings ?? ordered?.listings.refiled(kb) ?? Listings(kb, ui: ui)
        listingsUnchanged = kept != nil
        self.listings = listings
        let (tags, articleCategories, keys) = (listings.byTag, listings.byCategory, listings.categoryKeys)
        // The solution links of the articles that did not change are those of the model before.
        if let ordered, let changed {
            var anchors = ordered.solutionAnchors
            var first = ordered.firstSolutionAnchor
            for index in kb.articles.indices where changed.contains(kb.articles[index].sourcePath) {
                let article = kb.articles[index]
                anchors[index] = article.metadata.codes.map { article.solutionAnchor(for: $0) }
                first[index] = SolutionSection.firstAnchor(article.headings)
            }
            (solutionAnchors, firstSolutionAnchor) = (anchors, first)
        } else {
            solutionAnchors = kb.articles.map { article in
                article.metadata.codes.map { article.solutionAnchor(for: $0) }
            }
            firstSolutionAnchor = kb.articles.map { SolutionSection.firstAnchor($0.headings) }
        }
        let due = previous.flatMap {
            Self.relationsDue(
                from: $0, to: kb, byTag: tags, byCategory: articleCategories, categoryKeys: keys, only: aligned)
        }
        relatedPicked = due?.due
        if let previous, let due, due.due.isEmpty, previous.articles.count == kb.articles.count {
            related = previous.related
            relatedUnchanged = true
        } else {
            relatedUnchanged = false
            let earlier = due?.earlier ?? []
            let recompute = due?.due ?? Set(kb.articles.indices)
            related = kb.articles.indices.map { $0 }.parallelMap { index in
                guard recompute.contains(index) else { return earlier[index] }
                return RelatedArticles.pick(
                    for: index, in: kb, byTag: tags, byCategory: articleCategories, categoryKey: keys[index])
            }
        }
    }

    /// The lists the model files articles in, by what they show of each: tags, category, codes,
    /// title, order, date, featured. Derived from every article at once.
    struct Listings: Sendable {
        var byTag: [String: [Int]] = [:]
        var tagNames: [String: String] = [:]
        var byCategory: [String: [Int]] = [:]
        var categoryKeys: [String] = []
        var categories: [Category] = []
        var categoryTitles: [String: String] = [:]
        var categoryByFile: [String: String] = [:]
        var codeKeyByPage: [String: String] = [:]
        var recentlyUpdated: [Int] = []
        var categoryNeighbors: [(previous: Int?, next: Int?)] = []
        var featured: [Int] = []

        init(_ kb: KnowledgeBase, ui: UIStrings) {
            let listed = Set(kb.categories.map(\.key))
            var writtenTitles: [String: String] = [:]
            (byTag, tagNames) = Self.tagLists(kb)
            for (index, article) in kb.articles.enumerated() {
                let key = article.metadata.category.map { SiteModel.categoryKey($0, listed: listed) } ?? ""
                byCategory[key, default: []].append(index)
                categoryKeys.append(key)
                if let written = article.metadata.category, writtenTitles[key] == nil { writtenTitles[key] = written }
            }
            var categories = kb.categories
            // The categories articles name that categories.yml does not list are shown as written.
            for key in byCategory.keys.sorted() where !key.isEmpty && !listed.contains(key) {
                categories.append(Category(key: key, title: writtenTitles[key] ?? key, order: Int.max))
            }
            if byCategory[""] != nil {
                categories.append(Category(key: "", title: ui.otherCategory, order: Int.max))
            }
            var titles = Dictionary(categories.map { ($0.key, $0.title) }, uniquingKeysWith: { first, _ in first })
            // Search results name an article's category by what the article wrote.
            for article in kb.articles {
                guard let written = article.metadata.category, titles[written] == nil else { continue }
                titles[written] = titles[SiteModel.categoryKey(written, listed: listed)] ?? written
            }
            categoryTitles = titles
            self.categories = categories.filter { byCategory[$0.key] != nil }
            categoryByFile = Dictionary(
                self.categories.map { (SiteURLs.categoryFile($0.key), $0.key) },
                uniquingKeysWith: { first, _ in first })
            let articles = kb.articles
            recentlyUpdated = articles.indices.sorted {
                let (a, b) = (articles[$0].metadata.updated ?? "", articles[$1].metadata.updated ?? "")
                return a != b ? a > b : $0 < $1
            }
            var neighbors = [(previous: Int?, next: Int?)](repeating: (nil, nil), count: articles.count)
            for members in byCategory.values {
                let listed = SiteModel.listingOrder(members, articles)
                for (position, index) in listed.enumerated() {
                    neighbors[index] = (
                        position > 0 ? listed[position - 1] : nil,
                        position + 1 < listed.count ? listed[position + 1] : nil
                    )
                }
            }
            categoryNeighbors = neighbors
            codeKeyByPage = Self.codePages(kb)
            featured = SiteModel.listingOrder(articles.indices.filter { articles[$0].metadata.featured }, articles)
        }

        /// These lists with the tags' and codes' filed again from `kb`: after an edit that moved
        /// no article in its category, by date or in the featured list (`sameListings`).
        func refiled(_ kb: KnowledgeBase) -> Listings {
            var listings = self
            (listings.byTag, listings.tagNames) = Self.tagLists(kb)
            listings.codeKeyByPage = Self.codePages(kb)
            return listings
        }

        /// Article indices by tag slug, in article order, and the first spelling of each tag.
        private static func tagLists(_ kb: KnowledgeBase) -> (byTag: [String: [Int]], names: [String: String]) {
            var (byTag, names): ([String: [Int]], [String: String]) = ([:], [:])
            // A site has few tags, written thousands of times: each is made a slug once.
            var slugs: [String: String] = [:]
            for (index, article) in kb.articles.enumerated() {
                for tag in article.metadata.tags {
                    let slug = slugs[tag] ?? TermSlug.make(tag)
                    slugs[tag] = slug
                    if byTag[slug]?.last != index { byTag[slug, default: []].append(index) }
                    if names[slug] == nil { names[slug] = tag }
                }
            }
            return (byTag, names)
        }

        private static func codePages(_ kb: KnowledgeBase) -> [String: String] {
            Dictionary(
                kb.byCodeKey.keys.map { (SiteURLs.code(SiteModel.code(forKey: $0, in: kb)), $0) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// The indices of the articles of `changed` files, when every article is at the index it had
    /// in `old` (the same number of articles, each changed one with its slug and place): the others
    /// are then the very articles they were. Nil when that is not known.
    private static func alignedIndices(_ old: KnowledgeBase, _ new: KnowledgeBase, changed: Set<String>?) -> [Int]? {
        guard let changed, old.articles.count == new.articles.count else { return nil }
        var indices: [Int] = []
        for path in changed {
            let (before, after) = (old.bySourcePath[path], new.bySourcePath[path])
            guard before == after else { return nil }
            guard let index = after else { continue }
            guard old.articles[index].slug == new.articles[index].slug else { return nil }
            indices.append(index)
        }
        return indices.sorted()
    }

    /// Whether `new` files every article in every list as `old` does: the same articles in the
    /// same order, with the same categories file, and the same tags, category, codes, title,
    /// order, date and featured mark each (what `Listings` reads); without `comparingTagsAndCodes`,
    /// every list but those of tags and codes. `only`: the indices of the only articles that can
    /// differ (`alignedIndices`).
    private static func sameListings(
        _ old: KnowledgeBase, _ new: KnowledgeBase, only: [Int]?, comparingTagsAndCodes: Bool = true
    ) -> Bool {
        guard old.articles.count == new.articles.count, old.categories == new.categories else { return false }
        for index in only ?? Array(new.articles.indices) {
            let (x, y) = (old.articles[index], new.articles[index])
            let (a, b) = (x.metadata, y.metadata)
            guard x.slug == y.slug, x.title == y.title, a.category == b.category, a.order == b.order,
                a.updated == b.updated, a.featured == b.featured
            else { return false }
            if comparingTagsAndCodes && (a.tags != b.tags || a.codes.map(\.code) != b.codes.map(\.code)) {
                return false
            }
        }
        return true
    }

    /// The articles whose related list may differ from `previous`'s, and the previous lists in
    /// this model's numbering (for the others): none due when nothing they depend on changed; nil
    /// (all of them) when a slug is shared by two articles. An article's list reads the lists of
    /// its codes, tags and category (a window around its place in each), so an article joining or
    /// leaving a list, or coming or going, reaches only the members near its place in it; and
    /// the articles that hand-pick one that came or went.
    private static func relationsDue(
        from previous: SiteModel, to kb: KnowledgeBase, byTag: [String: [Int]], byCategory: [String: [Int]],
        categoryKeys: [String], only: [Int]?
    ) -> (due: Set<Int>, earlier: [[Int]])? {
        let old = previous.knowledgeBase
        let aligned =
            old.articles.count == kb.articles.count
            && (only != nil || zip(old.articles, kb.articles).allSatisfy({ $0.slug == $1.slug }))
        // Articles came, went or moved: matched by slug, which then must name one article.
        guard aligned || (old.bySlug.count == old.articles.count && kb.bySlug.count == kb.articles.count)
        else { return nil }
        let newIndex: (Int) -> Int? = aligned ? { $0 } : { kb.bySlug[old.articles[$0].slug] }
        let oldIndex: (Int) -> Int? = aligned ? { $0 } : { old.bySlug[kb.articles[$0].slug] }
        var due: Set<Int> = []
        // The members near an article's place in a list of the previous model, and of this one.
        func reachBefore(_ before: Int, in list: [Int]?) {
            due.formUnion(RelatedArticles.reach(of: before, in: list).compactMap(newIndex))
        }
        func reachNow(_ index: Int, in list: [Int]?) { due.formUnion(RelatedArticles.reach(of: index, in: list)) }
        var cameOrWent: Set<String> = []
        for index in aligned ? (only ?? Array(kb.articles.indices)) : Array(kb.articles.indices) {
            let y = kb.articles[index].metadata
            let (newCodes, newCategory) = (y.codes.map(\.code.key), categoryKeys[index])
            guard let before = oldIndex(index) else {
                // It came: the members near its place in each of its lists.
                cameOrWent.insert(kb.articles[index].slug)
                due.insert(index)
                for tag in Set(y.tags.map(TermSlug.make)) { reachNow(index, in: byTag[tag]) }
                for key in Set(newCodes) { reachNow(index, in: kb.byCodeKey[key]) }
                if !newCategory.isEmpty { reachNow(index, in: byCategory[newCategory]) }
                continue
            }
            let x = old.articles[before].metadata
            let (oldCodes, oldCategory) = (x.codes.map(\.code.key), previous.categoryKeys[before])
            guard x.tags != y.tags || x.related != y.related || oldCodes != newCodes || oldCategory != newCategory
            else { continue }
            due.insert(index)
            for tag in Set(x.tags.map(TermSlug.make)).symmetricDifference(y.tags.map(TermSlug.make)) {
                reachBefore(before, in: previous.byTag[tag])
                reachNow(index, in: byTag[tag])
            }
            for key in Set(oldCodes).symmetricDifference(newCodes) {
                reachBefore(before, in: old.byCodeKey[key])
                reachNow(index, in: kb.byCodeKey[key])
            }
            for category in Set([oldCategory, newCategory]) where !category.isEmpty && oldCategory != newCategory {
                reachBefore(before, in: previous.byCategory[category])
                reachNow(index, in: byCategory[category])
            }
        }
        if !aligned {
            // It went: the members near its place in each of its lists.
            for before in old.articles.indices where newIndex(before) == nil {
                let x = old.articles[before].metadata
                cameOrWent.insert(old.articles[before].slug)
                for tag in Set(x.tags.map(TermSlug.make)) { reachBefore(before, in: previous.byTag[tag]) }
                for key in Set(x.codes.map(\.code.key)) { reachBefore(before, in: old.byCodeKey[key]) }
                let category = previous.categoryKeys[before]
                if !category.isEmpty { reachBefore(before, in: previous.byCategory[category]) }
            }
            for index in kb.articles.indices
            where kb.articles[index].metadata.related.contains(where: { cameOrWent.contains($0.text) }) {
                due.insert(index)
            }
        }
        if aligned { return (due, previous.related) }
        var earlier: [[Int]] = Array(repeating: [], count: kb.articles.count)
        for index in kb.articles.indices where !due.contains(index) {
            // Every article of a list kept stays (one that went reaches the lists that held it).
            guard let before = oldIndex(index) else { continue }
            let list = previous.related[before].compactMap(newIndex)
            if list.count == previous.related[before].count { earlier[index] = list } else { due.insert(index) }
        }
        return (due, earlier)
    }

    /// The category the article at `index` is listed under, when it names one.
    public func category(of index: Int) -> Category? {
        let key = categoryKeys[index]
        return key.isEmpty ? nil : categories.first { $0.key == key }
    }

    /// A written category's key: itself when `categories.yml` lists it, else its `TermSlug`.
    static func categoryKey(_ written: String, listed: Set<String>) -> String {
        listed.contains(written) ? written : TermSlug.make(written)
    }

    /// The link from the site root to the solution of an article's code (its `index` in `codes:`).
    public func solutionURL(article: Int, code: Int) -> String {
        SiteURLs.solution(articles[article].slug, anchor: solutionAnchors[article][code])
    }

    /// Articles in listing order: `order`, then title, then slug.
    public func inListingOrder(_ indices: [Int]) -> [Int] { Self.listingOrder(indices, articles) }

    static func listingOrder(_ indices: [Int], _ articles: [RenderedArticle]) -> [Int] {
        indices.sorted {
            let a = articles[$0]
            let b = articles[$1]
            return (a.metadata.order ?? Int.max, a.title, a.slug) < (b.metadata.order ?? Int.max, b.title, b.slug)
        }
    }

    /// The system a code key's page is filed under: that of its first use.
    public func code(forKey key: String) -> ErrorCode { Self.code(forKey: key, in: knowledgeBase) }

    static func code(forKey key: String, in kb: KnowledgeBase) -> ErrorCode {
        let first = kb.byCodeKey[key].flatMap { $0.first }.flatMap { index in
            kb.articles[index].metadata.codes.first { $0.code.key == key }
        }
        return first?.code ?? ErrorCode(written: key, key: key, system: .other)
    }
}
