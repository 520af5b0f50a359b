import Foundation

/// Turns a knowledge base into every output file of SPEC §6, using the theme's templates.
public struct SiteRenderer: Sendable {
    let model: SiteModel
    let templates: TemplateSet
    let sharedUI: SharedUIStrings
    /// Every article's listing entry as seen from a page one folder deep (`../`), built once:
    /// related lists, category and tag pages all show them.
    let summaries: [ArticleSummaryView]
    /// The partials that depend on `root` only, by `root`, for the depths most pages have.
    let chrome: [String: PageChrome]
    /// Each distinct breadcrumb trail's HTML, rendered by the first page that needs it.
    let breadcrumbTrails: RenderedOnce<BreadcrumbTrail>
    /// In a help center in several languages, the links to this page in the others.
    let languageLinks: LanguageLinks?

    var kb: KnowledgeBase { model.knowledgeBase }
    var ui: UIStrings { model.ui }

    /// A renderer for `model`. With `previous` (the renderer of the site before an edit, with the
    /// same configuration and templates), the list entries and partials that did not change are
    /// taken from it instead of being rendered again.
    /// `changed` names the source files whose articles may differ from `previous`'s: the others'
    /// list entries are taken as they are, when the category titles they show are the same.
    public init(
        model: SiteModel, templates: TemplateSet, reusing previous: SiteRenderer? = nil,
        changed: Set<String>? = nil, translations: (Translations, current: Int)? = nil
    ) {
        self.model = model
        self.languageLinks = translations.map { LanguageLinks(translations: $0.0, current: $0.current) }
        self.templates = templates
        self.sharedUI = SharedUIStrings(model.ui)
        // Every article where it was (the model kept its lists): the same index before and now.
        let sameIndices = model.listingsUnchanged && previous?.kb.articles.count == model.articles.count
        let earlier: [String: Int] =
            sameIndices
            ? [:]
            : previous.map { previous in
                Dictionary(
                    previous.kb.articles.indices.map { (previous.kb.articles[$0].slug, $0) },
                    uniquingKeysWith: { first, _ in first })
            } ?? [:]
        let unchanged =
            changed != nil && previous.map { $0.model.categoryTitles == model.categoryTitles } == true
        @Sendable func entry(_ index: Int, known: ArticleSummaryView?) -> ArticleSummaryView {
            var entry = Self.summary(of: index, in: model, root: "../")
            if let known, known.sameFields(as: entry) { return known }
            entry.html = (try? templates.render("partials/article-item", entry)) ?? ""
            return entry
        }
        // Every article where it was and only some changed: the list before, those redone.
        if sameIndices, unchanged, let previous, let changed {
            var list = previous.summaries
            for index in changed.compactMap({ model.knowledgeBase.bySourcePath[$0] }) {
                list[index] = entry(index, known: list[index])
            }
            summaries = list
        } else {
            summaries = model.articles.indices.map { $0 }.parallelMap { index in
                let article = model.articles[index]
                let at = sameIndices ? index : earlier[article.slug]
                let known = at.flatMap { previous?.summaries[$0] }
                if unchanged, let known, let at, changed?.contains(article.sourcePath) == false,
                    previous?.kb.articles[at].sourcePath == article.sourcePath
                {
                    return known
                }
                return entry(index, known: known)
            }
        }
        if let previous {
            chrome = previous.chrome
            breadcrumbTrails = previous.breadcrumbTrails
            return
        }
        breadcrumbTrails = RenderedOnce<BreadcrumbTrail>()
        var chrome: [String: PageChrome] = [:]
        for root in ["", "../"] {
            chrome[root] =
                (try? Self.renderChrome(templates, config: model.config, ui: model.ui, root: root)) ?? PageChrome()
        }
        self.chrome = chrome
    }

    /// The header, footer, head and scripts partials for pages at `root`; they depend on nothing
    /// else. A theme without `partials/head` or `partials/scripts` (older ones) gets them empty.
    private static func renderChrome(
        _ templates: TemplateSet, config: SiteConfig, ui: UIStrings, root: String
    ) throws -> PageChrome {
        let view = siteView(config: config, ui: SharedUIStrings(ui), root: root, breadcrumbs: [])
        return PageChrome(
            header: try renderPartial("partials/header", templates, view),
            footer: try renderPartial("partials/footer", templates, view),
            head: try renderPartial("partials/head", templates, view),
            scripts: try renderPartial("partials/scripts", templates, view))
    }

    /// What a partial shared by many pages sees: the site's fields, `root` and the trail, and
    /// nothing of one page, so rendering it once for all of them is right.
    private static func siteView(
        config: SiteConfig, ui: SharedUIStrings, root: String, breadcrumbs: [LinkView]
    )
        -> PageView
    {
        PageView(
            lang: config.language, siteTitle: config.title, siteDescription: config.description, pageTitle: "",
            metaDescription: "", root: root, ui: ui, support: config.support, kind: "", breadcrumbs: breadcrumbs,
            hasBreadcrumbs: !breadcrumbs.isEmpty, headerHTML: "", footerHTML: "", headHTML: "", scriptsHTML: "",
            breadcrumbsHTML: "", page: ())
    }

    /// A shared partial, or "" when the theme has none. The base template puts each on a line of
    /// its own, which already ends the line.
    private static func renderPartial(_ name: String, _ templates: TemplateSet, _ view: PageView) throws -> String {
        guard templates.contains(name) else { return "" }
        var html = try templates.render(name, view)
        while html.hasSuffix("\n") { html.removeLast() }
        return html
    }

    /// Renders every page and the feeds, handing each file to `emit` as soon as it is ready, so
    /// pages stream to disk instead of the whole site being held in memory. Articles render on all
    /// cores; `emit` is called concurrently. Returns the paths written, for the summary.
    public func render(emit: @Sendable (OutputFile) throws -> Void) throws -> [String] {
        var paths: [String] = []
        func send(_ files: [OutputFile]) throws {
            for file in files {
                try emit(file)
                paths.append(file.path)
            }
        }
        try send([
            OutputFile(path: SiteURLs.home, text: try renderHome()),
            try renderSearchPage(), try renderNotFoundPage(),
        ])
        paths += try kb.articles.indices.map { $0 }.parallelTryMap { index in
            let file = OutputFile(path: kb.articles[index].outputPath, text: try renderArticle(index))
            try emit(file)
            return file.path
        }
        paths += try renderCodePages(emit: emit)
        try send(try renderCategoryPages())
        paths += try renderTagPages(emit: emit)
        try send(try renderRedirects())
        // In a help center in several languages, robots.txt is the whole site's, at the top.
        let alternates = languageLinks.map { links in { (path: String) in links.links(path: path, root: "").alternates }
        }
        try send(
            FeedWriter.sitemaps(model, paths: paths, alternates: alternates) + [
                OutputFile(path: "feed.xml", text: FeedWriter.atom(model))
            ] + (languageLinks == nil ? [FeedWriter.robots(baseURL: kb.config.baseURL)] : []))
        return paths
    }

    // MARK: - Pages

    func page(
        _ template: String, kind: String, title: String, description: String? = nil, root: String,
        breadcrumbs: [LinkView] = [], path: String, article: SearchEngineMetadata.Article? = nil, view: Any
    ) throws -> String {
        let isHome = kind == "home"
        let chrome = try chrome[root] ?? Self.renderChrome(templates, config: kb.config, ui: ui, root: root)
        let site = Self.siteView(config: kb.config, ui: sharedUI, root: root, breadcrumbs: breadcrumbs)
        let breadcrumbsHTML =
            breadcrumbs.isEmpty
            ? ""
            : try breadcrumbTrails.value(for: BreadcrumbTrail(root: root, links: breadcrumbs)) {
                try Self.renderPartial("partials/breadcrumbs", templates, site)
            }
        // This page's own fields on top of what the shared partials see.
        var pageView = site
        pageView.pageTitle = isHome ? kb.config.title : "\(title) - \(kb.config.title)"
        pageView.metaDescription = description ?? kb.config.description
        pageView.kind = kind
        pageView.headerHTML = chrome.header
        pageView.footerHTML = chrome.footer
        pageView.headHTML = chrome.head
        pageView.scriptsHTML = chrome.scripts
        pageView.breadcrumbsHTML = breadcrumbsHTML
        pageView.page = view
        if let languageLinks {
            (pageView.languages, pageView.alternates) = languageLinks.links(path: path, root: root)
        }
        if let baseURL = kb.config.baseURL, !baseURL.isEmpty {
            let metadata = SearchEngineMetadata(base: SiteURLs.base(baseURL), language: kb.config.language)
            pageView.hasCanonical = true
            pageView.canonicalURL = metadata.url(path)
            pageView.ogType = article == nil ? "website" : "article"
            pageView.ogTitle = title
            pageView.ogLocale = metadata.locale
            pageView.jsonLDHTML = metadata.jsonLD(path: path, title: title, crumbs: breadcrumbs, article: article)
        }
        return try templates.render(template, pageView)
    }

    func renderHome() throws -> String {
        let cards = model.categories.map { category -> CategoryCardView in
            let members = model.inListingOrder(model.byCategory[category.key] ?? [])
            return CategoryCardView(
                title: category.title, description: category.description, url: SiteURLs.category(category.key),
                count: members.count,
                articles: members.prefix(6).map {
                    LinkView(title: kb.articles[$0].title, url: kb.articles[$0].outputPath)
                }
            )
        }
        let recent = model.recentlyUpdated.prefix(8).map { summary($0, root: "") }
        let popular = kb.codeKeys.prefix(30).map { key in codeChip(model.code(forKey: key), root: "") }
        let featured = model.featured.map { LinkView(title: kb.articles[$0].title, url: kb.articles[$0].outputPath) }
        let view = HomeView(
            featured: featured, hasFeatured: !featured.isEmpty, categories: cards, hasCategories: !cards.isEmpty,
            recent: Array(recent), popularCodes: popular,
            codeCount: kb.byCodeKey.count, articleCount: kb.articles.count
        )
        return try page("index", kind: "home", title: kb.config.title, root: "", path: SiteURLs.home, view: view)
    }

    func renderSearchPage() throws -> OutputFile {
        OutputFile(
            path: SiteURLs.search,
            text: try page("search", kind: "search", title: ui.searchResults, root: "", path: SiteURLs.search, view: ui)
        )
    }

    /// `404.html`; with `root` (`zh-cn/`), the same page for the top of a help center in several
    /// languages, where a static host looks for it, its links reaching into that language.
    public func renderNotFoundPage(root: String = "") throws -> OutputFile {
        OutputFile(
            path: SiteURLs.notFound,
            text: try page(
                "404", kind: "notfound", title: ui.notFoundTitle, root: root, path: SiteURLs.notFound, view: ui))
    }

    /// The prefilled message to support from article `index`: its title and codes in the subject,
    /// its address and the checklist of what support needs in the body.
    func stillStuckMail(_ index: Int) -> String {
        let article = kb.articles[index]
        let codes = article.metadata.codes.map(\.code.written)
        let page = kb.config.baseURL.map { SiteURLs.absolute($0, article.outputPath) } ?? article.outputPath
        let values = ["title": article.title, "codes": codes.joined(separator: ", "), "page": page]
        func fill(_ template: String) -> String { UIStrings.fill(template, values) }
        let subject = fill(codes.isEmpty ? ui.stillStuckSubject : ui.stillStuckSubjectWithCodes)
        let checklist = kb.config.supportChecklist ?? ui.supportChecklist
        let body = ([fill(ui.stillStuckBody), ""] + checklist.map { "- " + $0 }).joined(separator: "\n")
        return SiteURLs.mailto(kb.config.support, subject: subject, body: body)
    }

    /// A link from one article page to another article, or an empty link for none.
    private func neighborLink(_ index: Int?) -> LinkView {
        guard let index else { return LinkView(title: "", url: "") }
        return LinkView(title: kb.articles[index].title, url: "../" + kb.articles[index].outputPath)
    }

    func renderArticle(_ index: Int) throws -> String {
        let article = kb.articles[index]
        let root = "../"
        let metadata = article.metadata
        let headings = article.headings
        let solutionAnchor = model.firstSolutionAnchor[index]
        let codes = metadata.codes.enumerated().map { position, code in
            CodeChipView(
                code, root: root, solutionURL: model.solutionAnchors[index][position].map(SiteURLs.fragment) ?? "",
                ui: ui)
        }
        let category = model.category(of: index)
        let tags = metadata.tags.map { TagView(name: $0, url: root + SiteURLs.tag(TermSlug.make($0))) }
        let toc = headings.filter { $0.level >= 2 && $0.level <= 3 }.map {
            TocItemView(text: $0.text, href: SiteURLs.fragment($0.anchor), isSub: $0.level == 3)
        }
        let related = model.related[index].map { summary($0, root: root) }
        var view = ArticleView(
            title: article.title, summary: metadata.summary ?? "", hasSummary: metadata.summary != nil,
            categoryTitle: category?.title ?? "",
            categoryURL: category.map { root + SiteURLs.category($0.key) } ?? "",
            hasCategory: category != nil, updated: metadata.updated ?? "",
            updatedText: metadata.updated.map(ui.date) ?? "", hasUpdated: metadata.updated != nil,
            codes: codes, hasCodes: !codes.isEmpty, symptoms: metadata.symptoms,
            hasSymptoms: !metadata.symptoms.isEmpty,
            tags: tags, hasTags: !tags.isEmpty, toc: toc, hasToc: toc.count > 1, bodyHTML: article.body.html,
            solutionURL: solutionAnchor.map(SiteURLs.fragment) ?? "", hasSolution: solutionAnchor != nil,
            related: related, hasRelated: !related.isEmpty, slug: article.slug, language: kb.config.language,
            feedbackYesURL: "", feedbackNoURL: "", hasFeedbackEndpoint: kb.config.feedbackURL != nil,
            stillStuckURL: stillStuckMail(index), previous: neighborLink(model.categoryNeighbors[index].previous),
            hasPrevious: model.categoryNeighbors[index].previous != nil,
            next: neighborLink(model.categoryNeighbors[index].next),
            hasNext: model.categoryNeighbors[index].next != nil,
            hasNeighbors: model.categoryNeighbors[index] != (nil, nil)
        )
        if let endpoint = kb.config.feedbackURL {
            view.feedbackYesURL = SiteURLs.feedback(
                endpoint, article: article.slug, language: kb.config.language, answer: "yes", page: article.outputPath)
            view.feedbackNoURL = SiteURLs.feedback(
                endpoint, article: article.slug, language: kb.config.language, answer: "no", page: article.outputPath)
        } else {
            view.feedbackYesURL = "#feedback-heading"
            view.feedbackNoURL = view.stillStuckURL
        }
        var crumbs = [LinkView(title: ui.home, url: root + SiteURLs.home)]
        if let category { crumbs.append(LinkView(title: category.title, url: root + SiteURLs.category(category.key))) }
        return try page(
            "article", kind: "article", title: article.title, description: metadata.summary, root: root,
            breadcrumbs: crumbs, path: article.outputPath,
            article: .init(summary: metadata.summary, updated: metadata.updated, tags: metadata.tags), view: view
        )
    }

    private func renderCategoryPages() throws -> [OutputFile] {
        try model.categories.map(renderCategoryPage) + [renderCategoryIndex()]
    }

    /// One category's page: its articles in listing order.
    func renderCategoryPage(_ category: Category) throws -> OutputFile {
        let root = "../"
        let crumbs = [LinkView(title: ui.home, url: root + SiteURLs.home)]
        let members = model.inListingOrder(model.byCategory[category.key] ?? [])
        let featured = members.filter { kb.articles[$0].metadata.featured }.map {
            LinkView(title: kb.articles[$0].title, url: root + kb.articles[$0].outputPath)
        }
        let view = ListingView(
            title: category.title, description: category.description, hasDescription: !category.description.isEmpty,
            articles: members.map { summary($0, root: root) }, featured: featured, hasFeatured: !featured.isEmpty
        )
        return OutputFile(
            path: SiteURLs.categoryFile(category.key),
            text: try page(
                "listing", kind: "category", title: category.title, description: category.description,
                root: root, breadcrumbs: crumbs, path: SiteURLs.categoryFile(category.key), view: view)
        )
    }

    /// `categories/index.html`: every category with its number of articles.
    func renderCategoryIndex() throws -> OutputFile {
        let terms = model.categories.map {
            TermView(
                name: $0.title, url: SiteURLs.categoryFileName($0.key), count: model.byCategory[$0.key]?.count ?? 0)
        }
        return try renderTermIndex(SiteURLs.categoryIndex, kind: "categories", title: ui.categories, terms: terms)
    }

    /// An index of categories or tags, one folder deep, under the home page's crumb.
    private func renderTermIndex(_ path: String, kind: String, title: String, terms: [TermView]) throws -> OutputFile {
        let root = "../"
        return OutputFile(
            path: path,
            text: try page(
                "terms", kind: kind, title: title, root: root,
                breadcrumbs: [LinkView(title: ui.home, url: root + SiteURLs.home)], path: path,
                view: TermIndexView(title: title, terms: terms))
        )
    }

    /// Writes each tag's page through `emit` as soon as it is rendered, then the tag index.
    private func renderTagPages(emit: @Sendable (OutputFile) throws -> Void) throws -> [String] {
        var paths = try model.byTag.keys.sorted().parallelTryMap { slug in
            let file = try renderTagPage(slug)
            try emit(file)
            return file.path
        }
        let index = try renderTagIndex()
        try emit(index)
        paths.append(index.path)
        return paths
    }

    /// One tag's page: its articles in listing order.
    func renderTagPage(_ slug: String) throws -> OutputFile {
        let root = "../"
        let crumbs = [LinkView(title: ui.home, url: root + SiteURLs.home), LinkView(title: ui.tags, url: "index.html")]
        let name = model.tagNames[slug] ?? slug
        let view = ListingView(
            title: name, description: "", hasDescription: false,
            articles: model.inListingOrder(model.byTag[slug] ?? []).map { summary($0, root: root) }, featured: [],
            hasFeatured: false
        )
        return OutputFile(
            path: SiteURLs.tagFile(slug),
            text: try page(
                "listing", kind: "tag", title: name, root: root, breadcrumbs: crumbs, path: SiteURLs.tagFile(slug),
                view: view)
        )
    }

    /// `tags/index.html`: every tag with its number of articles.
    func renderTagIndex() throws -> OutputFile {
        let terms = model.byTag.keys.sorted().map {
            TermView(
                name: model.tagNames[$0] ?? $0, url: SiteURLs.tagFileLink($0), count: model.byTag[$0]?.count ?? 0)
        }
        return try renderTermIndex(SiteURLs.tagIndex, kind: "tags", title: ui.tags, terms: terms)
    }

    /// Every alias's redirect page, or those at `paths` only.
    func renderRedirects(only paths: Set<String>? = nil) throws -> [OutputFile] {
        var files: [OutputFile] = []
        var written: Set<String> = []
        // By index, so that the many articles without an alias are not copied.
        for index in kb.articles.indices where !kb.articles[index].metadata.aliases.isEmpty {
            let article = kb.articles[index]
            for alias in article.metadata.aliases {
                guard let path = AliasPath.outputPath(alias.text), !isArticlePage(path),
                    written.insert(path).inserted, paths?.contains(path) != false
                else { continue }
                let depth = path.split(separator: "/").count - 1
                let root = String(repeating: "../", count: depth)
                let view = RedirectView(target: root + article.outputPath, targetTitle: article.title)
                files.append(
                    OutputFile(
                        path: path,
                        text: try page(
                            "redirect", kind: "redirect", title: article.title, root: root,
                            path: article.outputPath, view: view)))
            }
        }
        return files
    }

    /// Whether `path` is an article's page: an alias never replaces one.
    private func isArticlePage(_ path: String) -> Bool {
        guard case .article = model.page(at: path) else { return false }
        return true
    }

    // MARK: - Pieces

    private func summary(_ index: Int, root: String) -> ArticleSummaryView {
        if root == "../" { return summaries[index] }
        return Self.summary(of: index, in: model, root: root)
    }

    private static func summary(of index: Int, in model: SiteModel, root: String) -> ArticleSummaryView {
        let article = model.articles[index]
        let codes = article.metadata.codes.prefix(4).map { CodeChipView($0, root: root, solutionURL: "", ui: model.ui) }
        return ArticleSummaryView(
            title: article.title, url: root + article.outputPath, summary: article.metadata.summary ?? "",
            hasSummary: article.metadata.summary != nil,
            categoryTitle: article.metadata.category.flatMap { model.categoryTitles[$0] } ?? "",
            updated: article.metadata.updated ?? "", updatedText: article.metadata.updated.map(model.ui.date) ?? "",
            codes: codes, hasCodes: !codes.isEmpty, html: ""
        )
    }

    /// A code key's chip: the key, linking to its page.
    func codeChip(_ code: ErrorCode, root: String) -> CodeChipView {
        CodeChipView(
            written: code.key, key: code.key, system: ui.name(of: code.system), message: "", hasMessage: false,
            url: root + SiteURLs.code(code), solutionURL: ""
        )
    }
}
