import Foundation

/// What a build did, for the one-line summary.
public struct BuildSummary: Sendable {
    public var pages: Int
    public var articles: Int
    public var codes: Int
    public var seconds: Double
    public var output: URL
    /// Wall time of each stage, in order (`--timings`).
    public var phases: [(name: String, seconds: Double)]
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
        let site = try SiteLoader.load(root: root, options: LoadOptions(includeDrafts: options.includeDrafts))
        return Validator.validate(site, today: options.today)
    }

    /// Validates, then writes the site unless there are errors (treated per `strict`).
    /// Returns the report, and the summary when the site was written.
    public static func build(
        root: URL, options: Options = Options(), strict: Bool = false
    ) throws -> (ValidationReport, BuildSummary?) {
        let start = Date()
        var phases: [(String, Double)] = []
        var mark = start
        func lap(_ name: String) {
            let now = Date()
            phases.append((name, now.timeIntervalSince(mark)))
            mark = now
        }
        let site = try SiteLoader.load(root: root, options: LoadOptions(includeDrafts: options.includeDrafts))
        lap("load and render Markdown")
        let report = Validator.validate(site, today: options.today)
        lap("validate")
        if report.errorCount > 0 || (strict && report.warningCount > 0) { return (report, nil) }
        let kb = site.knowledgeBase
        let outputURL = resolve(options.output ?? kb.config.output, against: root)
        let staging = try OutputStaging(output: outputURL)
        let paths: [String]
        do {
            paths = try renderSite(site, lap: lap) { try staging.write($0) }
            try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
        lap("write")
        let summary = BuildSummary(
            pages: paths.filter { $0.hasSuffix(".html") }.count, articles: kb.articles.count,
            codes: kb.byCodeKey.count, seconds: Date().timeIntervalSince(start), output: outputURL, phases: phases
        )
        return (report, summary)
    }

    /// Renders every output file of a loaded site — pages, index, theme assets and content
    /// files — handing each to `emit` as it is ready. Returns the paths. `lap` is called after each
    /// stage with its name, for `--timings`.
    public static func renderSite(
        _ site: LoadedSite, lap: (String) -> Void = { _ in }, emit: @Sendable (OutputFile) throws -> Void
    ) throws -> [String] {
        let kb = site.knowledgeBase
        let templates = try TemplateSet.load(directory: resolve(kb.config.templates, against: site.root))
        var paths = try SiteRenderer(knowledgeBase: kb, templates: templates).render(emit: emit)
        lap("render and write pages")
        let index = SearchIndexBuilder.build(kb, synonyms: site.synonyms)
        // Encoded while written, so the JSON is never held whole next to the split index.
        try emit(
            OutputFile(path: "search-index.json") { write in
                try SearchIndexBuilder.writeJSON(index, to: write)
            })
        paths.append("search-index.json")
        lap("search-index.json")
        paths += try SearchShards.write(index, emit: emit)
        lap("split search index")
        var files = templates.assets
        for (path, source) in kb.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "files/" + path, copyFrom: source))
        }
        for file in files { try emit(file) }
        paths += files.map(\.path)
        lap("assets")
        return paths
    }

    /// A path from the config or the command line, relative to the site root unless absolute.
    public static func resolve(_ path: String, against root: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }
}
