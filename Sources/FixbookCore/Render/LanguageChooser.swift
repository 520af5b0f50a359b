/// The files at the top of a help center in several languages: `index.html`, which opens the
/// language the browser asks for (or lists them all), `sitemap.xml` as the index of every
/// language's sitemaps, and `robots.txt` naming it.
enum LanguageChooser {
    static let template = "language-chooser"

    static func files(
        _ translations: Translations, config: SiteConfig, templates: TemplateSet, paths: Set<String>
    ) throws -> [OutputFile] {
        let base = SiteURLs.base(config.baseURL)
        let choices = translations.languages.enumerated().map { position, language in
            let edition = translations.models[position].config
            return LanguageChoiceView(
                tag: language.tag, name: language.name, title: edition.title, description: edition.description,
                url: language.folder + "/" + SiteURLs.home,
                address: base.isEmpty ? language.folder + "/" + SiteURLs.home : base + language.folder + "/")
        }
        let first = translations.languages[0]
        let view = LanguageChooserView(
            lang: first.tag, title: translations.models[0].config.title, choices: choices,
            stylesheet: first.folder + "/assets/style.css", icon: first.folder + "/assets/favicon.svg",
            defaultAddress: base.isEmpty ? SiteURLs.home : base)
        // A theme made before languages has no chooser: the built-in one is used.
        let chooser =
            templates.contains(template)
            ? try templates.render(template, view)
            : try TemplateSet(files: DefaultTheme.files, origin: "the built-in theme").render(template, view)
        var sitemaps: [String] = []
        for language in translations.languages {
            let parts = paths.filter {
                $0.hasPrefix(language.folder + "/sitemap-") && $0.hasSuffix(".xml")
            }.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
            sitemaps += (parts.isEmpty ? [language.folder + "/sitemap.xml"] : parts).map { base + $0 }
        }
        return [
            OutputFile(path: SiteURLs.home, text: chooser), FeedWriter.sitemapIndex(sitemaps),
            FeedWriter.robots(baseURL: config.baseURL),
        ]
    }
}
