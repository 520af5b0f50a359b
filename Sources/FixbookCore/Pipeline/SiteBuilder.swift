import Foundation

/// What a build did, for the one-line summary.
public struct BuildSummary: Sendable {
    public var pages: Int
    public var articles: Int
    public var codes: Int
    public var seconds: Double
    public var output: URL
    /// Files written, and how many of them the reused output generation already held.
    public var files: Int
    public var unchangedFiles: Int
    /// Wall and CPU time (all threads, user and system) of each stage, in order (`--timings`).
    /// CPU well under cores × wall shows a stage that does not use every core.
    public var phases: [(name: String, seconds: Double, cpuSeconds: Double)]
}

/// The whole pipeline: load, validate, and (when there are no errors) render and write.
public enum SiteBuilder {
    public struct Options: Sendable {
        public var includeDrafts = false
        /// Overrides the config's `output`.
        public var output: String?
        public var today: String?
        public init(includeDrafts: Bool = false, output: String? = nil, today: String? = nil) {
            self.includeDrafts = includeDrafts
            self.output = output
            self.today = today
        }
    }

    /// Validates only, the `check` command.
    public static func check(root: URL, options: Options = Options()) throws -> ValidationReport {
        try HelpCenter.load(root: root, options: LoadOptions(includeDrafts: options.includeDrafts))
            .validate(today: options.today)
    }

    /// Validates, then writes the site unless there are errors (treated per `strict`).
    /// Returns the report, and the summary when the site was written.
    public static func build(
        root: URL, options: Options = Options(), strict: Bool = false
    ) throws -> (ValidationReport, BuildSummary?) {
        let start = Date()
        var phases: [(String, Double, Double)] = []
        var mark = start
        var cpuMark = processCPUSeconds()
        func lap(_ name: String) {
            let now = Date()
            let cpu = processCPUSeconds()
            phases.append((name, now.timeIntervalSince(mark), cpu - cpuMark))
            mark = now
            cpuMark = cpu
        }
        let center = try HelpCenter.load(root: root, options: LoadOptions(includeDrafts: options.includeDrafts))
        lap("load and render Markdown, assemble the site model")
        let report = center.validate(today: options.today)
        lap("validate")
        if report.errorCount > 0 || (strict && report.warningCount > 0) { return (report, nil) }
        let outputURL = resolve(options.output ?? center.config.output, against: root)
        let staging = try OutputStaging(output: outputURL)
        let paths: [String]
        do {
            paths = try renderHelpCenter(center, root: root, lap: lap) { try staging.write($0) }
            try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
        lap("write")
        let models = center.editions.map(\.model)
        let summary = BuildSummary(
            pages: paths.filter { $0.hasSuffix(".html") }.count,
            articles: models.map(\.articles.count).reduce(0, +),
            codes: models.map(\.knowledgeBase.byCodeKey.count).reduce(0, +), seconds: Date().timeIntervalSince(start),
            output: outputURL, files: staging.count, unchangedFiles: staging.unchangedCount, phases: phases
        )
        return (report, summary)
    }

    /// Renders every edition of the help center into its folder of the output, and, for one in
    /// several languages, the files at the top: the language chooser, the sitemap index and
    /// `robots.txt`. Returns the paths.
    public static func renderHelpCenter(
        _ center: HelpCenter, root: URL, lap: (String) -> Void = { _ in },
        emit: @Sendable (OutputFile) throws -> Void
    ) throws -> [String] {
        var paths: [String] = []
        for (position, edition) in center.editions.enumerated() {
            let prefix = edition.outputPrefix
            let translations = center.translations.map { ($0, current: position) }
            paths += try renderSite(edition.model, root: root, translations: translations, lap: lap) { file in
                var moved = file
                moved.path = prefix + file.path
                try emit(moved)
            }.map { prefix + $0 }
        }
        if let translations = center.translations, let first = center.editions.first {
            let templates = try TemplateSet.load(directory: resolve(center.config.templates, against: root))
            let files = try topFiles(
                translations, config: center.config, templates: templates, paths: Set(paths),
                first: SiteRenderer(model: first.model, templates: templates, translations: (translations, current: 0)))
            for file in files { try emit(file) }
            paths += files.map(\.path)
        }
        return paths
    }

    /// The files at the top of a help center in several languages: the language chooser, the
    /// sitemap index, `robots.txt`, and the 404 page a static host answers every missing address
    /// with: the first language's (`first` renders it), reaching into its folder. `paths` are the
    /// languages' files.
    static func topFiles(
        _ translations: Translations, config: SiteConfig, templates: TemplateSet, paths: Set<String>,
        first: SiteRenderer
    ) throws -> [OutputFile] {
        try LanguageChooser.files(translations, config: config, templates: templates, paths: paths) + [
            first.renderNotFoundPage(root: translations.languages[0].folder + "/")
        ]
    }

    /// Renders every output file of the site — pages, index, theme assets and content files —
    /// handing each to `emit` as it is ready. Returns the paths. `lap` is called after each stage
    /// with its name, for `--timings`. `translations` places it in a help center in several
    /// languages, as the language at `current`. Without `search`, the search index is left out
    /// (`fixbook serve` keeps its own, `SplitIndex`).
    public static func renderSite(
        _ model: SiteModel, root: URL, translations: (Translations, current: Int)? = nil, search: Bool = true,
        lap: (String) -> Void = { _ in }, emit: @Sendable (OutputFile) throws -> Void
    ) throws -> [String] {
        let kb = model.knowledgeBase
        let templates = try TemplateSet.load(directory: resolve(kb.config.templates, against: root))
        var paths: [String] = []
        // The search index is built alongside the pages: each stage leaves a core idle at times
        // (writing, joining), and together they keep both busy.
        try withoutActuallyEscaping(emit) { emit in
            let group = DispatchGroup()
            nonisolated(unsafe) var searchPaths: Result<[String], Error> = .success([])
            DispatchQueue.global().async(group: group) {
                guard search else { return }
                let index = SearchIndexBuilder.build(model)
                searchPaths = Result { try writeSearchIndex(index, ui: model.ui, emit: emit) }
            }
            defer { group.wait() }
            paths = try SiteRenderer(model: model, templates: templates, translations: translations).render(emit: emit)
            group.wait()
            paths += try searchPaths.get()
        }
        lap("render and write pages, search index alongside")
        var files = templates.assets
        for (path, source) in kb.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "files/" + path, copyFrom: source))
        }
        for file in files { try emit(file) }
        paths += files.map(\.path)
        lap("assets")
        return paths
    }

    /// `search-index.json` and the split index the browser loads.
    static func writeSearchIndex(
        _ index: SearchIndex, ui: UIStrings, emit: @Sendable (OutputFile) throws -> Void
    ) throws
        -> [String]
    {
        // Encoded while written, so the JSON is never held whole next to the split index.
        try emit(
            OutputFile(path: "search-index.json") { write in
                try SearchIndexBuilder.writeJSON(index, to: write)
            })
        return try ["search-index.json"] + SearchShards.write(index, ui: ui, emit: emit)
    }

    /// User and system CPU time of the whole process so far.
    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// A path from the config or the command line, relative to the site root unless absolute.
    public static func resolve(_ path: String, against root: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }
}
