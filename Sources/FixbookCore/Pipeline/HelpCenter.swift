import Foundation

/// The help center as loaded: one edition per language, each a site of its own built into its
/// own folder (a site without `languages:` is one edition at the output root), and which of
/// their pages translate each other.
public struct HelpCenter: Sendable {
    /// One language's site.
    public struct Edition: Sendable {
        /// Nil for a site without `languages:`.
        public let language: SiteLanguage?
        public let site: LoadedSite
        public let model: SiteModel
        /// Where its files go inside the output folder: `""`, or `en/` in a help center in several.
        public let outputPrefix: String
    }

    /// The configuration as written (each edition's model has its own, `SiteConfig.edition`).
    public let config: SiteConfig
    public let editions: [Edition]
    /// Nil for a site in one language.
    public let translations: Translations?
    /// What was found outside every language's folder.
    let diagnostics: [Diagnostic]

    public var isMultilingual: Bool { translations != nil }

    /// Reads `fixbook.yml` and every language's content under `root`.
    public static func load(root: URL, options: LoadOptions = LoadOptions()) throws -> HelpCenter {
        let (config, configDiagnostics) = try SiteLoader.loadConfig(root: root)
        guard !config.languages.isEmpty else {
            let site = try SiteLoader.load(
                root: root, config: config, configDiagnostics: configDiagnostics, options: options)
            return HelpCenter(
                config: config,
                editions: [Edition(language: nil, site: site, model: SiteModel(site), outputPrefix: "")],
                translations: nil, diagnostics: [])
        }
        let contentRoot = root.appendingPathComponent(config.content)
        let (shared, found) = try sharedFiles(in: contentRoot, config: config)
        var editions: [Edition] = []
        for (position, language) in config.languages.enumerated() {
            let folder = contentRoot.appendingPathComponent(language.tag)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw FixbookError(
                    "the content of \(language.tag) is missing: \(config.content)/\(language.tag)/ does not exist "
                        + "(fixbook.yml lists \(language.tag) in languages)")
            }
            // The configuration's own problems are reported once, with the first language.
            let site = try SiteLoader.load(
                root: root, config: config.edition(for: language),
                configDiagnostics: position == 0 ? configDiagnostics : [], sharedDataFiles: shared, options: options)
            editions.append(
                Edition(language: language, site: site, model: SiteModel(site), outputPrefix: language.folder + "/"))
        }
        return HelpCenter(
            config: config, editions: editions,
            translations: Translations(languages: config.languages, models: editions.map(\.model)),
            diagnostics: found)
    }

    /// The data files at the content root that every language shares unless its folder has its
    /// own (paths `../codes.yml`, relative to a language's folder), and a `file-skipped` warning
    /// for anything else there: outside every language's folder, it would not be published.
    static func sharedFiles(
        in contentRoot: URL, config: SiteConfig
    ) throws -> (
        [String: SourceText], [Diagnostic]
    ) {
        let folders = Set(config.languages.map(\.tag))
        let names = try FileManager.default.contentsOfDirectory(atPath: contentRoot.path).sorted()
        var shared: [String: SourceText] = [:]
        var diagnostics: [Diagnostic] = []
        let prefix = config.content.hasSuffix("/") ? config.content : config.content + "/"
        for name in names where !ContentSources.isIgnored(name) && !folders.contains(name) {
            let url = contentRoot.appendingPathComponent(name)
            guard ContentSources.dataFileNames.contains(name) else {
                let tags = config.languages.map { $0.tag + "/" }.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        rule: .fileSkipped, severity: .warning, location: SourceLocation(file: prefix + name, line: 1),
                        message: "skipped: outside every language's folder (\(tags)), so in no language's help center"
                    ))
                continue
            }
            let (source, problem) = ContentSources.decodeFile(
                "../" + name, data: FileManager.default.contents(atPath: url.path))
            if let source { shared[name] = source }
            if var problem {
                problem.location.file = prefix + name
                diagnostics.append(problem)
            }
        }
        return (shared, diagnostics)
    }

    /// The edition in language `tag` (any case), or the first when `tag` is nil.
    public func edition(_ tag: String?) -> Edition? {
        guard let tag else { return editions.first }
        return editions.first { $0.language?.tag.lowercased() == tag.lowercased() }
    }

    /// Every edition validated, and the translations checked against each other.
    public func validate(today: String? = nil) -> ValidationReport {
        let day = today ?? Validator.currentDay()
        return Self.combine(
            editions.map { Validator.validate($0.site, model: $0.model, today: day) }, translations: translations,
            found: diagnostics, rules: config.rules)
    }

    /// One report of the editions' reports, with the checks across languages (the translation
    /// rules, and what `found` outside every language's folder) at the team's rule levels.
    static func combine(
        _ reports: [ValidationReport], translations: Translations?, found: [Diagnostic], rules: [RuleID: RuleLevel]
    ) -> ValidationReport {
        var diagnostics = reports.flatMap(\.diagnostics)
        if let translations {
            diagnostics += (found + TranslationRules.check(translations)).applying(rules)
        }
        let coverages = reports.compactMap(\.coverage)
        // A data file every language shares is read by each: its problems are reported once.
        var seen: Set<Diagnostic> = []
        diagnostics = diagnostics.filter { seen.insert($0).inserted }
        return ValidationReport(
            diagnostics: Diagnostic.sortedForReport(diagnostics),
            coverage: coverages.isEmpty
                ? nil : (coverages.map(\.covered).reduce(0, +), coverages.map(\.total).reduce(0, +)))
    }
}
