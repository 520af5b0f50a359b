extension SiteConfig {
    /// The configuration of one language's part of a help center in several: its content
    /// folder (`Content/en`), its output folder (`Output/en`), its `baseURL` (`…/en/`), its
    /// interface language and its title, each site otherwise configured as the whole.
    public func edition(for language: SiteLanguage) -> SiteConfig {
        var config = self
        config.languages = []
        config.language = language.tag
        config.content = Self.joined(content, language.tag)
        config.output = Self.joined(output, language.folder)
        config.title = language.title ?? title
        config.description = language.description ?? description
        if let baseURL, !baseURL.isEmpty { config.baseURL = SiteURLs.base(baseURL) + language.folder + "/" }
        return config
    }

    private static func joined(_ folder: String, _ name: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + name
    }
}
