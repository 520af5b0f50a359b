/// The links from one language's pages to the others in a help center in several languages:
/// the visible switcher and the `hreflang` alternates. Languages live side by side in the
/// output (`zh-cn/`, `en/`), so a page reaches another language by `../<folder>/`.
struct LanguageLinks: Sendable {
    let translations: Translations
    /// The language whose pages are being rendered.
    let current: Int

    /// For the page at `path`, whose prefix to its language's root is `root`: every language's
    /// switcher entry (its translation when there is one, else that language's home page), and
    /// the `<link rel="alternate" hreflang>` entries (each language that has it, at its absolute
    /// address when the site has a `baseURL`). Each translation is looked up once for both.
    func links(path: String, root: String) -> (switcher: [LanguageLinkView], alternates: [LanguageLinkView]) {
        var switcher: [LanguageLinkView] = []
        var alternates: [LanguageLinkView] = []
        for (position, language) in translations.languages.enumerated() {
            let counterpart = translations.counterpart(of: path, from: current, to: position)
            let entry = LanguageLinkView(
                tag: language.tag, name: language.name,
                url: Self.climb(root) + language.folder + "/" + (counterpart ?? SiteURLs.home),
                isCurrent: position == current, isTranslated: counterpart != nil,
                untranslatedNote: counterpart == nil ? UIStrings.forLanguage(language.tag).untranslatedPage : "")
            switcher.append(entry)
            guard let counterpart else { continue }
            var alternate = entry
            if let base = translations.models[position].config.baseURL, !base.isEmpty {
                alternate.url = SiteURLs.absolute(base, counterpart)
            }
            alternates.append(alternate)
        }
        return (switcher, alternates)
    }

    /// From a page whose prefix to its language's root is `root`, the prefix to the output's
    /// top: `../` more, or one folder less when `root` ends in one (`zh-cn/` → ``, the top's 404).
    static func climb(_ root: String) -> String {
        var parts = root.split(separator: "/").map(String.init)
        guard let last = parts.last, last != ".." else { return root + "../" }
        parts.removeLast()
        return parts.map { $0 + "/" }.joined()
    }
}
