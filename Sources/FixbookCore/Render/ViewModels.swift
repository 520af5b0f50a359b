/// Template view models: plain structs built for one page, read by Mustache through reflection.
/// Domain types stay separate (Zola's `Page` vs `SerializingPage`); every string here is escaped
/// by `{{…}}` in templates except the fields named `…HTML`.

/// What every page's layout needs.
struct PageView {
    var lang: String
    var siteTitle: String
    var siteDescription: String
    var pageTitle: String
    var metaDescription: String
    /// Prefix from this page to the output root: "" or "../".
    var root: String
    var ui: SharedUIStrings
    var support: String
    /// Marks the body for page-specific styling (`home`, `article`…).
    var kind: String
    var breadcrumbs: [LinkView]
    var hasBreadcrumbs: Bool
    /// The header and footer partials, rendered once per folder depth (they depend on `root` only).
    var headerHTML: String
    var footerHTML: String
    /// `partials/head` (style sheet, icon, feed) and `partials/scripts`, also once per depth.
    var headHTML: String
    var scriptsHTML: String
    /// `partials/breadcrumbs` with this page's trail, rendered once per distinct trail: all the
    /// articles of a category share one. Empty when there is no trail.
    var breadcrumbsHTML: String
    /// With `baseURL`: the page's absolute address, its Open Graph type, title and locale, and
    /// its JSON-LD (`SearchEngineMetadata`); `hasCanonical` is false without one.
    var hasCanonical = false
    var canonicalURL = ""
    var ogType = ""
    var ogTitle = ""
    var ogLocale = ""
    var jsonLDHTML = ""
    /// In a help center in several languages: the switcher's entries, one per language, and the
    /// `hreflang` alternates (the languages that translate this page, this one included).
    var languages: [LanguageLinkView] = []
    var alternates: [LanguageLinkView] = []
    /// The page-specific view (`ArticleView`, `CodePageView`…).
    var page: Any
}

/// The interface strings by reference: a page looks them up many times, and each lookup of the
/// plain value would copy all 31 strings (31 retains) into an `Any`.
final class SharedUIStrings: Sendable {
    let strings: UIStrings
    init(_ strings: UIStrings) { self.strings = strings }
}

/// A language as the switcher and the `hreflang` links show it, for one page.
struct LanguageLinkView: Equatable {
    var tag: String
    var name: String
    /// This page in that language, or that language's home page when it has no translation.
    var url: String
    var isCurrent: Bool
    var isTranslated: Bool
    /// In that language: the link opens its home page (`UIStrings.untranslatedPage`).
    var untranslatedNote: String
}

struct LinkView: Hashable {
    var title: String
    var url: String
}

struct CodeChipView: Equatable {
    var written: String
    var key: String
    var system: String
    var message: String
    var hasMessage: Bool
    /// The code's page.
    var url: String
    /// The solution anchor of this code in its article.
    var solutionURL: String
}

extension CodeChipView {
    /// An article's code as a chip: its written form and message, linking to the code's page.
    init(_ code: ArticleCode, root: String, solutionURL: String, ui: UIStrings) {
        self.init(
            written: code.code.written, key: code.code.key, system: ui.name(of: code.code.system),
            message: code.message ?? "", hasMessage: code.message != nil, url: root + SiteURLs.code(code.code),
            solutionURL: solutionURL)
    }
}

struct TagView {
    var name: String
    var url: String
}

struct TocItemView {
    var text: String
    var href: String
    var isSub: Bool
}

/// An article as listings show it (cards, search-less lists, related).
struct ArticleSummaryView: Equatable {
    var title: String
    var url: String
    var summary: String
    var hasSummary: Bool
    var categoryTitle: String
    var updated: String
    /// `updated` as the interface's language writes a date.
    var updatedText: String
    var codes: [CodeChipView]
    var hasCodes: Bool
    /// This entry rendered by `partials/article-item`, once, for every list that shows it.
    var html: String

    /// Whether the two show the same (their rendered `html` aside).
    func sameFields(as other: ArticleSummaryView) -> Bool {
        var mine = self
        mine.html = other.html
        return mine == other
    }
}

struct ArticleView {
    var title: String
    var summary: String
    var hasSummary: Bool
    var categoryTitle: String
    var categoryURL: String
    var hasCategory: Bool
    var updated: String
    /// `updated` as the interface's language writes a date.
    var updatedText: String
    var hasUpdated: Bool
    var codes: [CodeChipView]
    var hasCodes: Bool
    var symptoms: [String]
    var hasSymptoms: Bool
    var tags: [TagView]
    var hasTags: Bool
    var toc: [TocItemView]
    var hasToc: Bool
    var bodyHTML: String
    var solutionURL: String
    var hasSolution: Bool
    var related: [ArticleSummaryView]
    var hasRelated: Bool
    /// What the feedback block sends: the article, its language, and each answer's link (the
    /// configured endpoint with the answer, or without one: "no" writes to support).
    var slug: String
    var language: String
    var feedbackYesURL: String
    var feedbackNoURL: String
    var hasFeedbackEndpoint: Bool
    /// The prefilled "still stuck" message to support.
    var stillStuckURL: String
    /// The article before and after this one in its category (empty links when none).
    var previous: LinkView
    var hasPrevious: Bool
    var next: LinkView
    var hasNext: Bool
    var hasNeighbors: Bool
}

struct CategoryCardView {
    var title: String
    var description: String
    var url: String
    var count: Int
    var articles: [LinkView]
}

struct HomeView {
    /// The featured articles ("common questions").
    var featured: [LinkView]
    var hasFeatured: Bool
    var categories: [CategoryCardView]
    var hasCategories: Bool
    var recent: [ArticleSummaryView]
    var popularCodes: [CodeChipView]
    var codeCount: Int
    var articleCount: Int
}

struct CodeGroupView {
    var system: String
    var codes: [CodeIndexEntryView]
}

struct CodeIndexEntryView {
    var key: String
    var url: String
    var messages: String
    var articleCount: Int
}

struct CodeIndexView {
    var groups: [CodeGroupView]
}

/// One use of a code on its code page: the article and the message that tells it apart.
struct CodeUseView {
    var articleTitle: String
    var articleURL: String
    var message: String
    var hasMessage: Bool
    var solutionURL: String
    var summary: String
    var symptoms: [String]
    var hasSymptoms: Bool
}

struct CodePageView {
    var key: String
    var system: String
    var catalogMessages: [String]
    var hasCatalogMessages: Bool
    var uses: [CodeUseView]
    var isAmbiguous: Bool
}

struct ListingView {
    var title: String
    var description: String
    var hasDescription: Bool
    var articles: [ArticleSummaryView]
    /// A category's featured articles ("common questions"); none on a tag's page.
    var featured: [LinkView]
    var hasFeatured: Bool
}

struct TermIndexView {
    var title: String
    var terms: [TermView]
}

struct TermView {
    var name: String
    var url: String
    var count: Int
}

struct RedirectView {
    var target: String
    var targetTitle: String
}

/// The language chooser page: each language's home with its title, and the default one first.
struct LanguageChooserView {
    var lang: String
    var title: String
    var choices: [LanguageChoiceView]
    /// The style sheet and icon of the first language's theme assets.
    var stylesheet: String
    var icon: String
    /// The chooser's own address, for its `x-default` alternate.
    var defaultAddress: String
}

struct LanguageChoiceView {
    var tag: String
    var name: String
    var title: String
    var description: String
    /// The language's home page, relative to the chooser.
    var url: String
    /// Its address for `hreflang` (absolute with a `baseURL`).
    var address: String
}
