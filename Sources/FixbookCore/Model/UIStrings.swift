/// The words of the theme in the site's language (`zh-CN` and `en`).
public struct UIStrings: Sendable {
    public var home: String
    public var searchLabel: String
    public var searchPlaceholder: String
    public var searchButton: String
    public var skipToContent: String
    public var categories: String
    public var allCodes: String
    public var codesIntro: String
    public var tags: String
    public var recentlyUpdated: String
    public var updated: String
    public var codes: String
    public var symptoms: String
    public var onThisPage: String
    public var related: String
    public var solution: String
    public var goToSolution: String
    public var articles: String
    public var articleCount: String
    public var notFoundTitle: String
    public var notFoundText: String
    public var contactSupport: String
    public var stillStuck: String
    public var copyLink: String
    /// "Did this solve your problem?" under every article, its answers and its thanks.
    public var feedbackQuestion: String
    public var feedbackYes: String
    public var feedbackNo: String
    public var feedbackThanks: String
    /// The prefilled "still stuck" message: `{title}`, `{codes}` and `{page}` are filled in, and
    /// the checklist (`support: {checklist: …}` in fixbook.yml, or this default) follows the body.
    public var stillStuckSubject: String
    public var stillStuckSubjectWithCodes: String
    public var stillStuckBody: String
    public var supportChecklist: [String]
    /// The links to the previous and next article of the category, and the featured articles'
    /// heading.
    public var previousArticle: String
    public var nextArticle: String
    public var commonQuestions: String
    /// The language switcher's name, and the tooltip of its link to a language that has no
    /// translation of the page (the link opens that language's home page).
    public var language: String
    public var untranslatedPage: String
    /// How a date reads: `{year}`, `{month}` (its name from `monthNames`, or its number when
    /// there are none) and `{day}` are filled in (`2026年11月14日`, `November 14, 2026`).
    public var dateFormat: String
    public var monthNames: [String]
    /// The copy buttons' word, and what they say once the text is on the clipboard.
    public var copy: String
    public var copied: String
    public var redirecting: String
    public var noResults: String
    public var searchResults: String
    public var seeAlsoCode: String
    public var message: String
    public var printedFrom: String
    public var openOnPage: String
    /// The title of the made-up category of articles that name none.
    public var otherCategory: String
    /// The tooltip of a link to an article that this help center does not have.
    public var missingArticle: String
    // What the search script says; `{n}`, `{total}` and `{code}` are filled in by it.
    public var searchFoundOne: String
    public var searchFound: String
    public var searchFoundFiltered: String
    public var searchSuggestion: String
    public var searchSuggestionWithCode: String
    public var searchContact: String
    public var searchSeeAll: String
    public var searchShowMore: String
    public var searchFilters: String
    public var searchFilterCategory: String
    public var searchFilterTag: String
    public var searchUnavailable: String
    /// Above results found for corrected words: "Showing results for {query}", and the link to
    /// the words as typed.
    public var searchCorrected: String
    public var searchInstead: String
    /// Above results that hold only part of the query, and before a result's missing words.
    public var searchPartial: String
    public var searchMissing: String
    /// Above the results of a query longer than the search reads: "Only the first {n} characters
    /// were searched."
    public var searchCut: String
    /// The headings of the code systems that are words, not names (the code index's groups, a
    /// code page's system); "Outlook / Windows Mail", "HRESULT" and "SMTP" read the same everywhere.
    public var systemSmtpEnhanced: String
    public var systemSocket: String
    public var systemMessage: String
    public var systemOther: String

    /// The heading of `system` in this language.
    public func name(of system: CodeSystem) -> String {
        switch system {
        case .smtpEnhanced: systemSmtpEnhanced
        case .socket: systemSocket
        case .message: systemMessage
        case .other: systemOther
        case .windowsMail, .hresult, .smtp: system.displayName
        }
    }

    /// Chinese for any `zh` language tag, English otherwise.
    public static func forLanguage(_ language: String) -> UIStrings {
        isChinese(language) ? chinese : english
    }

    /// True for `zh`, `zh-CN`, `zh-Hans`…: the one place that decides the interface's language.
    public static func isChinese(_ language: String) -> Bool { language.lowercased().hasPrefix("zh") }

    /// `template` with each `{name}` of `values` filled in, in one pass (as `fill` in search.js),
    /// so a value that itself holds `{page}` is left as written.
    /// A `YYYY-MM-DD` date as the interface's language writes it; anything else as it is.
    public func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], (1...12).contains(month)
        else { return iso }
        let name = monthNames.count == 12 ? monthNames[month - 1] : String(month)
        return Self.fill(dateFormat, ["year": String(year), "month": name, "day": String(day)])
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// Every string by its property name, sorted: the search script's interface reads them from
    /// the index entry. Read by reflection, so a new string cannot be left out.
    public var byName: [(name: String, text: String)] {
        Mirror(reflecting: self).children.compactMap { child in
            guard let name = child.label, let text = child.value as? String else { return nil }
            return (name, text)
        }.sorted { $0.name < $1.name }
    }

    public static let chinese = UIStrings(
        home: "首页", searchLabel: "搜索帮助文章", searchPlaceholder: "输入错误代码或问题，例如 0x800CCC0F、收不到邮件",
        searchButton: "搜索", skipToContent: "跳到正文", categories: "问题分类", allCodes: "错误代码索引",
        codesIntro: "按系统分组列出知识库中的所有错误代码，点击代码直达解决方法。", tags: "标签",
        recentlyUpdated: "最近更新", updated: "更新于", codes: "错误代码", symptoms: "常见现象", onThisPage: "本页内容",
        related: "相关文章", solution: "解决方法", goToSolution: "查看解决方法", articles: "篇文章", articleCount: "文章数",
        notFoundTitle: "页面不存在", notFoundText: "您访问的页面不存在或已移动。试试搜索错误代码或问题描述：",
        contactSupport: "联系客服", stillStuck: "问题仍未解决？请联系客服：", copyLink: "复制本节链接",
        feedbackQuestion: "这篇文章解决您的问题了吗？", feedbackYes: "解决了", feedbackNo: "没有解决",
        feedbackThanks: "谢谢您的反馈！", stillStuckSubject: "求助：{title}", stillStuckSubjectWithCodes: "求助：{title}（{codes}）",
        stillStuckBody: "您好，我看了帮助文章《{title}》（{page}），问题仍未解决。以下是我的情况：",
        supportChecklist: [
            "您的邮箱地址：", "问题从什么时候开始：", "使用的客户端和版本（例如 Outlook 2016、手机邮件 App）：", "完整的错误提示或错误代码：",
            "退信原文：请把退信作为附件转发给我们，不要只截图",
        ],
        previousArticle: "上一篇", nextArticle: "下一篇", commonQuestions: "常见问题",
        language: "语言", untranslatedPage: "本页没有中文版本，将打开中文首页",
        dateFormat: "{year}年{month}月{day}日", monthNames: [],
        copy: "复制", copied: "已复制",
        redirecting: "页面已移动，正在跳转到", noResults: "没有找到相关文章。", searchResults: "搜索结果",
        seeAlsoCode: "该代码的所有文章", message: "提示信息", printedFrom: "来自", openOnPage: "打开文章",
        otherCategory: "其他", missingArticle: "这篇文章不在本帮助中心",
        searchFoundOne: "找到 1 篇相关文章", searchFound: "找到 {n} 篇相关文章",
        searchFoundFiltered: "找到 {total} 篇相关文章，筛选后显示 {n} 篇", searchSuggestion: "试试直接输入错误代码，或者减少关键词。",
        searchSuggestionWithCode: "试试直接输入错误代码（例如 {code}），或者减少关键词。", searchContact: "仍然找不到答案？请联系客服：",
        searchSeeAll: "查看全部 {n} 个结果", searchShowMore: "显示更多结果", searchFilters: "筛选结果", searchFilterCategory: "分类",
        searchFilterTag: "标签", searchUnavailable: "搜索索引没有加载，请刷新页面重试。",
        searchCorrected: "已显示“{query}”的搜索结果", searchInstead: "仍然搜索：",
        searchPartial: "没有文章包含全部关键词，以下是最接近的结果。", searchMissing: "缺少：",
        searchCut: "只搜索了前 {n} 个字符。",
        systemSmtpEnhanced: "SMTP 增强状态码", systemSocket: "套接字错误", systemMessage: "文字提示", systemOther: "其他"
    )

    public static let english = UIStrings(
        home: "Home", searchLabel: "Search help articles",
        searchPlaceholder: "Type an error code or a problem, e.g. 0x800CCC0F",
        searchButton: "Search", skipToContent: "Skip to content", categories: "Categories",
        allCodes: "Error code index",
        codesIntro: "Every error code in the knowledge base, grouped by system; each links straight to its fix.",
        tags: "Tags", recentlyUpdated: "Recently updated", updated: "Updated", codes: "Error codes",
        symptoms: "Symptoms",
        onThisPage: "On this page", related: "Related articles", solution: "Solution",
        goToSolution: "Go to the solution",
        articles: "articles", articleCount: "Articles", notFoundTitle: "Page not found",
        notFoundText:
            "The page you asked for does not exist or has moved. Try searching for the error code or the problem:",
        contactSupport: "Contact support", stillStuck: "Still stuck? Contact support:",
        copyLink: "Link to this section",
        feedbackQuestion: "Did this solve your problem?", feedbackYes: "Yes", feedbackNo: "No",
        feedbackThanks: "Thank you for your feedback!", stillStuckSubject: "Help: {title}",
        stillStuckSubjectWithCodes: "Help: {title} ({codes})",
        stillStuckBody:
            "Hello, I read the help article \"{title}\" ({page}) and the problem is not solved. My details:",
        supportChecklist: [
            "Your email address:", "When the problem started:",
            "Your mail app and its version (e.g. Outlook 2016, phone):",
            "The exact error message or code:",
            "The original bounce message: please forward it to us as an attachment, not as a screenshot",
        ],
        previousArticle: "Previous", nextArticle: "Next", commonQuestions: "Common questions",
        language: "Language", untranslatedPage: "This page is not available in this language: this opens its home page",
        dateFormat: "{month} {day}, {year}",
        monthNames: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ],
        copy: "Copy", copied: "Copied",
        redirecting: "This page has moved. Redirecting to", noResults: "No articles found.",
        searchResults: "Search results",
        seeAlsoCode: "All articles for this code", message: "Message", printedFrom: "From", openOnPage: "Open article",
        otherCategory: "Other", missingArticle: "This article is not part of this help center",
        searchFoundOne: "1 article found", searchFound: "{n} articles found",
        searchFoundFiltered: "{total} articles found, {n} shown with the filters",
        searchSuggestion: "Try typing the error code, or use fewer words.",
        searchSuggestionWithCode: "Try typing the error code (for example {code}), or use fewer words.",
        searchContact: "Still stuck? Contact support:", searchSeeAll: "See all {n} results",
        searchShowMore: "Show more results", searchFilters: "Filter results", searchFilterCategory: "Category",
        searchFilterTag: "Tag", searchUnavailable: "The search index did not load. Please reload the page.",
        searchCorrected: "Showing results for {query}", searchInstead: "Search instead for",
        searchPartial: "No article holds every word; these come closest.", searchMissing: "Missing:",
        searchCut: "Only the first {n} characters were searched.",
        systemSmtpEnhanced: CodeSystem.smtpEnhanced.displayName, systemSocket: CodeSystem.socket.displayName,
        systemMessage: CodeSystem.message.displayName, systemOther: CodeSystem.other.displayName
    )
}
