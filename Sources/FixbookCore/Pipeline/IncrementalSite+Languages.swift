import Foundation

/// `serve` for a help center in several languages: one incremental site per language, each
/// built as that language's (`SiteConfig.edition`) and served from its folder (`en/`), and the
/// files at the top made anew. A save re-renders what depends on it in its language; the other
/// languages' pages only link to it, so they are rendered again only when what they link to
/// changed: an article's translation came, went or moved, or a code, category or tag page did.
extension IncrementalSite {
    /// Which language of the help center a site is.
    struct Edition {
        let language: SiteLanguage
        let position: Int
    }

    /// Updates every language's site, then renders those that changed, and all the pages of
    /// those whose translations' pages moved.
    func updateLanguages(_ config: SiteConfig, changedFiles: Set<String>?, started: Date) throws -> Update {
        if config.languages != self.config.languages || languageSites.isEmpty {
            languageSites = config.languages.enumerated().map { position, language in
                let site = IncrementalSite(
                    root: root, options: options, edition: Edition(language: language, position: position))
                site.searchDelay = searchDelay
                return site
            }
        }
        self.config = config
        let before = languageSites.map { $0.model.map(Self.linkTargets) }
        let updates = try languageSites.map { try $0.update(changedFiles: changedFiles) }
        let contentRoot = root.appendingPathComponent(config.content)
        let (_, found) = try HelpCenter.sharedFiles(in: contentRoot, config: config)
        // Every language's model of the files as they are now: what the checks across languages
        // read, and, when there is no error, what is served.
        let models = languageSites.compactMap(\.latestModel)
        let translations =
            models.count == languageSites.count ? Translations(languages: config.languages, models: models) : nil
        let report = HelpCenter.combine(
            languageSites.map(\.lastReport), translations: translations, found: found, rules: config.rules)
        lastReport = report
        let failed = Update(
            report: report, succeeded: false, full: updates.contains(where: \.full),
            articlesChanged: updates.map(\.articlesChanged).reduce(0, +), filesChanged: 0,
            seconds: Date().timeIntervalSince(started))
        guard report.errorCount == 0, let translations else { return failed }

        let after = translations.models.map(Self.linkTargets)
        var rendered: [(folder: String, update: Update)] = []
        for (position, site) in languageSites.enumerated() {
            let folder = config.languages[position].folder
            // Its pages link to the others': all of them again when those moved.
            let othersMoved = languageSites.indices.contains { $0 != position && before[$0] != after[$0] }
            let ready = site.prepared
            if let ready {
                // Its sitemap lists its pages' translations, which its own edit may have moved.
                let part = try site.render(
                    ready, translations: (translations, current: position), everything: othersMoved,
                    sitemap: before[position] != after[position], started: started)
                rendered.append((folder, part))
            } else if othersMoved, let model = site.model {
                // Nothing of its own changed: its pages again from its model (a full render reads
                // nothing else of the loaded site).
                let loaded = LoadedSite(
                    root: root, knowledgeBase: model.knowledgeBase, diagnostics: [], dataFiles: [:],
                    synonyms: model.synonyms)
                let again = Prepared(
                    loaded: loaded, model: model, report: site.lastReport, everything: true, articlesChanged: 0)
                let part = try site.render(
                    again, translations: (translations, current: position), everything: true, started: started)
                rendered.append((folder, part))
            }
        }
        try updateTopFiles(translations)
        var update = Update(
            report: report, succeeded: true, full: rendered.contains(where: \.update.full),
            articlesChanged: updates.map(\.articlesChanged).reduce(0, +),
            filesChanged: rendered.map(\.update.filesChanged).reduce(0, +), seconds: Date().timeIntervalSince(started))
        // Each language's steps: those of its render, which include its update's, or its update's.
        for (position, part) in updates.enumerated() {
            let folder = config.languages[position].folder
            let steps = rendered.first { $0.folder == folder }?.update.phases ?? part.phases
            update.phases += steps.map { (folder + ": " + $0.name, $0.seconds) }
        }
        update.changedPaths = rendered.flatMap { folder, part in part.changedPaths.map { folder + "/" + $0 } }
        return update
    }

    /// What the other languages' pages link to in a language: each article's translation key and
    /// page, and its other pages.
    private static func linkTargets(_ model: SiteModel) -> [String] {
        let articles = model.articles.map { Translations.key(of: $0) + "\u{1}" + $0.outputPath }
        let pages =
            model.categoryByFile.keys.sorted() + model.codeKeyByPage.keys.sorted()
            + model.byTag.keys.sorted().map(SiteURLs.tagFile)
        return articles.sorted() + ["\u{2}"] + pages + [model.config.baseURL ?? ""]
    }

    /// The served files: each language's under its folder, and the top's.
    private func updateTopFiles(_ translations: Translations) throws {
        var files: [String: [UInt8]] = [:]
        for site in languageSites {
            let folder = (site.edition?.language.folder ?? "") + "/"
            for (path, bytes) in site.site.files { files[folder + path] = bytes }
        }
        guard let first = languageSites.first?.renderer, let templates = languageSites.first?.templates else { return }
        for file in try SiteBuilder.topFiles(
            translations, config: config, templates: templates, paths: Set(files.keys), first: first)
        {
            files[file.path] = try SiteFiles.bytes(of: file)
        }
        site.files = files
    }

    /// Each language's search index, under its folder.
    func languageSearchFiles() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for site in languageSites {
            let folder = (site.edition?.language.folder ?? "") + "/"
            for (path, bytes) in site.searchFiles() { files[folder + path] = bytes }
        }
        return files
    }

    /// Whether `path` is part of a search index, which each language builds in the background.
    public func isSearchFile(_ path: String) -> Bool {
        guard !languageSites.isEmpty else { return SiteFiles.isSearchFile(path) }
        let parts = path.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, languageSites.contains(where: { $0.edition?.language.folder == String(parts[0]) })
        else { return false }
        return SiteFiles.isSearchFile(String(parts[1]))
    }
}
