import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The site `fixbook serve` keeps in memory between builds.
///
/// `update()` looks at every content file's identity on disk (size, times, inode) and reads only
/// those that changed; a file whose bytes hash as before is not parsed again, and an article is
/// rendered again only when its text changed or one of its links now resolves differently (a
/// target's slug changed, a file appeared). The model is assembled again and the whole site is
/// validated, so the diagnostics are those of a full `check`. Then only the pages that depend on
/// a changed article are rendered again (`SiteModel.outputs(dependingOn:)`, and the pages whose
/// related list moved), and the search index is rebuilt on another thread. A change to
/// `fixbook.yml`, a data file or the theme renders everything again. A build with errors keeps
/// serving the last good site.
public final class IncrementalSite: @unchecked Sendable {
    /// What an update did.
    public struct Update: Sendable {
        /// The diagnostics of the site as it is on disk now.
        public var report: ValidationReport
        /// False when errors kept the last good site.
        public var succeeded: Bool
        /// True when everything was rendered again (the first build, or the configuration, a data
        /// file or the theme changed).
        public var full: Bool
        /// Article files read and parsed again, and served files that changed.
        public var articlesChanged: Int
        public var filesChanged: Int
        public var seconds: Double
        /// How long each step took, in order (`serve --timings`).
        public var phases: [(name: String, seconds: Double)] = []
        /// The served files that changed, when only some did (`serve --timings` names them).
        public var changedPaths: [String] = []
    }

    /// Each step's duration during the update under way.
    private var phases: [(name: String, seconds: Double)] = []
    private var lapStarted = Date()

    private func lap(_ name: String) {
        let now = Date()
        phases.append((name, now.timeIntervalSince(lapStarted)))
        lapStarted = now
    }

    /// Which file on disk a path was, to know it unchanged without reading it.
    private struct Stamp: Equatable {
        var size: Int64
        var modified: (Int, Int)
        var changed: (Int, Int)
        var inode: UInt64

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.size == b.size && a.inode == b.inode && a.modified == b.modified && a.changed == b.changed
        }

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int64(info.st_size)
            modified = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
            changed = (info.st_ctim.tv_sec, info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
        }
    }

    /// One article file as last read: its identity, its hash, its parse and its rendering.
    private struct ArticleEntry: @unchecked Sendable {
        var stamp: Stamp
        var hash: UInt64
        /// Kept without its body once rendered: a render that is due again reads the file again.
        var parsed: ParsedArticle?
        /// The parse's diagnostics, or why the file could not be read.
        var diagnostics: [Diagnostic]
        var rendered: (article: RenderedArticle, diagnostic: Diagnostic?)?

        /// The slug a link to this file reaches: none when it does not parse or is a draft left out.
        func publishedSlug(_ options: LoadOptions) -> String? {
            guard let parsed, options.includeDrafts || !parsed.metadata.draft else { return nil }
            return parsed.slug
        }
    }

    public let root: URL
    let options: LoadOptions
    /// Set when this site is one language of a help center in several (`IncrementalSite+Languages`):
    /// its site is built as that language's, and rendered when the help center says so.
    let edition: Edition?
    /// In a help center in several languages: one site per language, each in its folder.
    var languageSites: [IncrementalSite] = []

    /// The last good site without its search index (`searchFiles()` has that), and the model,
    /// renderer and theme it was made with.
    public internal(set) var site = SiteFiles()
    private(set) var model: SiteModel?
    private(set) var renderer: SiteRenderer?
    private(set) var templates: TemplateSet?
    /// The configuration, data files and theme the served site was rendered with.
    private var renderedFingerprint: [String: String] = [:]

    var config = SiteConfig()
    private var fingerprint: [String: String] = [:]
    /// The data files read, by name, with their path relative to the content folder (`../codes.yml`
    /// for one that a language shares from the content root).
    private var dataTexts: [String: SourceText] = [:]
    private var articles: [String: ArticleEntry] = [:]
    private var assetStamps: [String: Stamp] = [:]
    private var skipped: [String] = []
    /// Articles (source paths) changed since the served site was rendered.
    private var pending: Set<String> = []
    /// The site as last loaded from the files (errors or not), and the renderer of its articles:
    /// an edit that moves no article starts from them.
    private var loadedSite: LoadedSite?
    /// The content folder's files as last listed, when none was a link.
    private var listing: ContentListing?
    private var articleRenderer: ArticleRenderer?
    var lastReport = ValidationReport(diagnostics: [], coverage: nil)
    /// A language's site validated and ready to render, until its help center renders it.
    var prepared: Prepared?
    /// The model of the files as they are now, errors or not: what the checks across languages read.
    private(set) var latestModel: SiteModel?

    private let search = SearchFilesInProgress()

    /// How long the search index's update waits after each update before it starts (`serve`: the
    /// pages open in the browser reload the moment an update is published, and on two cores an
    /// update of the search index started at once takes the core the browser needs to show them).
    public var searchDelay: TimeInterval = 0 {
        didSet {
            search.delay = searchDelay
            for site in languageSites { site.searchDelay = searchDelay }
        }
    }

    public convenience init(root: URL, options: LoadOptions = LoadOptions()) {
        self.init(root: root, options: options, edition: nil)
    }

    init(root: URL, options: LoadOptions, edition: Edition?) {
        self.root = root
        self.options = options
        self.edition = edition
    }

    /// The search index's files of the served site, once its background build is done.
    public func searchFiles() -> [String: [UInt8]] {
        languageSites.isEmpty ? search.wait() : languageSearchFiles()
    }

    /// Every served file: the site and its search index.
    public func allFiles() -> [String: [UInt8]] { site.files.merging(searchFiles()) { _, search in search } }

    /// Brings the site up to date with the files on disk. `changedFiles`, when the caller knows
    /// them (the kernel's notifications): the only files, relative to the root, that may have
    /// been written, come or gone since the last update (no folder among them); then the content
    /// folder is not listed again, and only those files are looked at.
    public func update(changedFiles: Set<String>? = nil) throws -> Update {
        let started = Date()
        phases = []
        lapStarted = started
        let (written, writtenDiagnostics) = try SiteLoader.loadConfig(root: root)
        if edition == nil, !written.languages.isEmpty {
            return try updateLanguages(written, changedFiles: changedFiles, started: started)
        }
        languageSites = []
        // One language of several: built as that language's site, the configuration's own problems
        // reported once, with the first language.
        let config = edition.map { written.edition(for: $0.language) } ?? written
        let configDiagnostics = (edition?.position ?? 0) > 0 ? [] : writtenDiagnostics
        let fingerprint = globalFingerprint(config)
        let everything = model == nil || config != self.config || fingerprint != self.fingerprint
        if everything {
            self.config = config
            self.fingerprint = fingerprint
            articles = [:]
            assetStamps = [:]
            templates = try TemplateSet.load(directory: SiteBuilder.resolve(config.templates, against: root))
        }

        // The content folder's files, sorted as ContentSources sorts them.
        let contentRoot = root.appendingPathComponent(config.content).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw FixbookError("content folder not found: \(contentRoot.path)") }
        // Told which files changed, the last listing stands with the files that came or went.
        var known = knownFiles(changedFiles, config: config, everything: everything)
        var current: ContentListing
        if let changed = known, var kept = listing, kept.take(changed, under: contentRoot.path) {
            current = kept
        } else {
            known = nil
            current = try ContentListing(listing: contentRoot)
        }
        listing = current.linked ? nil : current
        var sources = ContentSources()
        sources.diagnostics = current.skipped.map {
            Diagnostic(
                rule: .fileSkipped, severity: .warning, location: SourceLocation(file: $0.path, line: 1),
                message: $0.reason)
        }
        let articlePaths = current.articles
        var assetStamps: [String: Stamp] = [:]
        for path in current.assets {
            sources.assets[path] = contentRoot.appendingPathComponent(path)
            let same = known.map { !$0.contains(path) } == true
            assetStamps[path] = same ? self.assetStamps[path] : Stamp(contentRoot.path + "/" + path)
        }
        lap("list the files")
        sources.dataFiles = dataTexts

        // Read, on every core, only the files whose identity changed. The entries are taken out of
        // `articles` (not copied) and changed in place: at ten thousand articles a copy costs more
        // than everything else an edit needs.
        var entries = articles
        articles = [:]
        // Told which files changed, only those are looked at; else every file's identity is.
        var found = [Stamp?](repeating: nil, count: articlePaths.count)
        var looked: [Int] = []
        if let known {
            looked = known.compactMap { path in
                let place = articlePaths.sortedPlace(of: path)
                return place < articlePaths.count && articlePaths[place] == path ? place : nil
            }
        } else {
            looked = Array(articlePaths.indices)
        }
        for index in looked { found[index] = Stamp(contentRoot.path + "/" + articlePaths[index]) }
        let stamps = found
        lap("check every file's identity")
        let toRead = looked.filter { stamps[$0] != nil && entries[articlePaths[$0]]?.stamp != stamps[$0] }
        let before = toRead.map { entries[articlePaths[$0]] }
        let read = Array(toRead.indices).parallelMap { position -> (String, ArticleEntry?) in
            let index = toRead[position]
            let path = articlePaths[index]
            return (
                path,
                Self.read(
                    path, stamp: stamps[index]!, contentRoot: contentRoot, config: config, known: before[position])
            )
        }
        // The articles that went: told which files changed, among those; else any not listed now.
        var changed: Set<String>
        if let known {
            changed = known.filter { entries[$0] != nil && !current.hasArticle($0) }
        } else {
            let present = Set(articlePaths)
            changed = Set(entries.keys.filter { !present.contains($0) })
        }
        // What a link to a changed file resolved to before: its slug, and whether it was published.
        var previousSlugs: [String: String?] = [:]
        for path in changed { previousSlugs[path] = entries[path]?.publishedSlug(options) }
        for path in changed { entries.removeValue(forKey: path) }
        for (path, entry) in read {
            guard let entry else { continue }
            if entries[path]?.hash != entry.hash || entries[path] == nil {
                changed.insert(path)
                previousSlugs[path] = entries[path]?.publishedSlug(options)
            }
            entries[path] = entry
        }
        lap("read and parse what changed")
        let skippedPaths = current.skipped.map(\.path)
        if !everything && changed.isEmpty && assetStamps == self.assetStamps && skippedPaths == skipped {
            articles = entries
            return Update(
                report: lastReport, succeeded: model != nil && pending.isEmpty, full: false, articlesChanged: 0,
                filesChanged: 0, seconds: Date().timeIntervalSince(started))
        }
        let skippedBefore = skipped
        skipped = skippedPaths

        // Render what is due; take the rest from before. An unchanged article is due when a link
        // of it reaches an article whose slug changed (or that came or went), or a file that came
        // or went.
        let movedArticles = changed.filter { path in
            (previousSlugs[path] ?? nil) != entries[path]?.publishedSlug(options)
        }
        let movedFiles = Set(assetStamps.keys).symmetricDifference(self.assetStamps.keys)
        let edited = changed
        if !everything, movedArticles.isEmpty, movedFiles.isEmpty, skippedPaths == skippedBefore,
            let replaced = replaceArticles(changed, in: &entries, config: config)
        {
            lap("render what is due")
            articles = entries
            self.assetStamps = assetStamps
            pending.formUnion(changed)
            loadedSite = replaced
            lap("assemble the knowledge base")
            return try finish(replaced, everything: false, articlesChanged: changed.count, started: started)
        }
        let parsed = articlePaths.compactMap { path in entries[path].map { ($0.parsed, $0.diagnostics) } }
        var fresh: [String: (RenderedArticle, Diagnostic?)] = [:]
        // In a scope of its own, so the renders' snapshot of the entries is let go before they change.
        let loaded = { (snapshot: [String: ArticleEntry]) in
            SiteLoader.assemble(
                root: root, config: config, configDiagnostics: configDiagnostics, sources: sources, parsed: parsed,
                options: options
            ) { renderer, published in
                self.articleRenderer = renderer
                let results = published.parallelMap { article -> (RenderedArticle, Diagnostic?, Bool) in
                    let path = article.sourcePath
                    if let entry = snapshot[path], let rendered = entry.rendered, !edited.contains(path),
                        !rendered.article.linkTargets.contains(where: { target in
                            switch target {
                            case .article(let linked, _): return movedArticles.contains(linked)
                            case .file(let linked): return movedFiles.contains(linked)
                            default: return false
                            }
                        })
                    {
                        return (rendered.article, rendered.diagnostic, false)
                    }
                    // A parse kept from before has no body: the file is read again for its text.
                    let source =
                        article.body.isEmpty ? Self.reparse(path, contentRoot: contentRoot, config: config) : nil
                    let result = renderer.render(source ?? article)
                    return (result.article, result.diagnostic, true)
                }
                defer { self.lap("render what is due") }
                return results.map { article, diagnostic, rendered in
                    if rendered { fresh[article.sourcePath] = (article, diagnostic) }
                    return (article, diagnostic)
                }
            }
        }(entries)
        // Written back once the renders let go of the snapshot, so the entries are not copied.
        for (path, (article, diagnostic)) in fresh {
            entries[path]?.rendered = (article, diagnostic)
            entries[path]?.parsed?.body = ""
        }
        let rerendered = Set(fresh.keys)
        loadedSite = loaded
        lap("assemble the knowledge base")
        articles = entries
        self.assetStamps = assetStamps
        pending.formUnion(changed)
        pending.formUnion(rerendered)
        return try finish(loaded, everything: everything, articlesChanged: changed.count, started: started)
    }

    // MARK: - Steps

    /// The content-relative paths of `changedFiles` (written, come or gone) when they allow the
    /// last listing to stand: a listing without links and a plain content folder (data files and
    /// files outside the content folder are read on every update anyway). Nil when the folder must
    /// be listed again.
    private func knownFiles(_ changedFiles: Set<String>?, config: SiteConfig, everything: Bool) -> Set<String>? {
        guard let changedFiles, !everything, listing != nil, !config.content.hasPrefix("/"),
            !config.content.split(separator: "/").contains("..")
        else { return nil }
        let folder = config.content.split(separator: "/").filter { $0 != "." }.joined(separator: "/") + "/"
        return Set(changedFiles.filter { $0.hasPrefix(folder) }.map { String($0.dropFirst(folder.count)) })
    }

    /// The last loaded site with the articles of `paths` rendered again in their places, when that
    /// is all an edit did: each was published before and still is, under the same slug and source
    /// file (then every link of the others holds). Nil, with `entries` untouched, when it did more.
    private func replaceArticles(
        _ paths: Set<String>, in entries: inout [String: ArticleEntry], config: SiteConfig
    ) -> LoadedSite? {
        guard var site = loadedSite, let renderer = articleRenderer, !paths.isEmpty else { return nil }
        let prefix = config.content.hasSuffix("/") ? config.content : config.content + "/"
        var renders: [(path: String, result: (article: RenderedArticle, diagnostic: Diagnostic?))] = []
        for path in paths.sorted() {
            guard let entry = entries[path], let parsed = entry.parsed, entry.publishedSlug(options) != nil,
                let index = site.knowledgeBase.bySourcePath[path]
            else { return nil }
            let result = renderer.render(parsed)
            guard site.knowledgeBase.replace(at: index, with: result.article) else { return nil }
            renders.append((path, result))
        }
        // Their diagnostics, parsing and rendering, in place of those they had.
        let files = Set(paths.map { joinedPath(prefix, $0) })
        site.diagnostics.removeAll { files.contains($0.location.file) }
        for (path, result) in renders {
            for var diagnostic in (entries[path]?.diagnostics ?? []) + (result.diagnostic.map { [$0] } ?? []) {
                diagnostic.location.file = joinedPath(prefix, diagnostic.location.file)
                site.diagnostics.append(diagnostic)
            }
            entries[path]?.rendered = result
            entries[path]?.parsed?.body = ""
        }
        return site
    }

    /// Reads one article file: its hash, and its parse when the bytes changed.
    private static func read(
        _ path: String, stamp: Stamp, contentRoot: URL, config: SiteConfig, known: ArticleEntry?
    ) -> ArticleEntry? {
        let data = FileManager.default.contents(atPath: contentRoot.path + "/" + path)
        let hash = data.map(ContentHash.of) ?? 0
        if var known, data != nil, known.hash == hash {
            known.stamp = stamp
            return known
        }
        let (source, problem) = ContentSources.decodeFile(path, data: data)
        guard let source else {
            return ArticleEntry(
                stamp: stamp, hash: hash, parsed: nil, diagnostics: problem.map { [$0] } ?? [], rendered: nil)
        }
        let (parsed, found) = ArticleParser.parse(source, config: config)
        return ArticleEntry(stamp: stamp, hash: hash, parsed: parsed, diagnostics: found, rendered: nil)
    }

    /// Validates the loaded site and, when it has no errors, brings the served files up to date.
    private func finish(_ loaded: LoadedSite, everything: Bool, articlesChanged: Int, started: Date) throws -> Update {
        // The model of the served site is reused only when the configuration is the same.
        let newModel = SiteModel(loaded, previous: everything ? nil : model, changed: everything ? nil : pending)
        lap("the site model")
        let report = Validator.validate(
            loaded, model: newModel, reusing: everything ? nil : lastReport.articleFindings,
            changed: everything ? nil : pending)
        lap("validate")
        lastReport = report
        latestModel = newModel
        guard report.errorCount == 0, templates != nil else {
            prepared = nil
            return Update(
                report: report, succeeded: false, full: everything, articlesChanged: articlesChanged, filesChanged: 0,
                seconds: Date().timeIntervalSince(started), phases: phases)
        }
        let ready = Prepared(
            loaded: loaded, model: newModel, report: report, everything: everything, articlesChanged: articlesChanged)
        guard edition == nil else {
            // One language of several: rendered once every language's model is known.
            prepared = ready
            return Update(
                report: report, succeeded: true, full: everything, articlesChanged: articlesChanged, filesChanged: 0,
                seconds: Date().timeIntervalSince(started), phases: phases)
        }
        return try render(ready, translations: nil, started: started)
    }

    /// A site validated without errors, before it is rendered.
    struct Prepared {
        var loaded: LoadedSite
        var model: SiteModel
        var report: ValidationReport
        var everything: Bool
        var articlesChanged: Int
    }

    /// Brings the served files up to date with `ready`: only the pages that depend on what changed,
    /// or every file when the configuration, a data file or the theme changed (or `everything`).
    /// `sitemap`: the sitemap is due even when no page came or went (its translations moved).
    func render(
        _ ready: Prepared, translations: (Translations, current: Int)?, everything forced: Bool = false,
        sitemap sitemapDue: Bool = false, started: Date
    ) throws -> Update {
        prepared = nil
        let (loaded, newModel, report, articlesChanged) = (
            ready.loaded, ready.model, ready.report, ready.articlesChanged
        )
        guard let templates else { throw FixbookError("no theme loaded") }
        var filesChanged = 0
        if !forced, let oldModel = model, renderedFingerprint == fingerprint, oldModel.config == newModel.config {
            let newRenderer = SiteRenderer(
                model: newModel, templates: templates, reusing: renderer, changed: pending,
                translations: translations)
            lap("list entries")
            var files = site.files
            let due = pagesDue(old: oldModel, new: newModel)
            lap("pages due")
            var pagesCameOrWent = false
            var changedPaths: [String] = []
            for (path, file) in try newRenderer.render(only: due) {
                if let file {
                    let bytes = try SiteFiles.bytes(of: file)
                    if files[path] != bytes {
                        pagesCameOrWent = pagesCameOrWent || files[path] == nil
                        files[path] = bytes
                        changedPaths.append(path)
                    }
                } else if files.removeValue(forKey: path) != nil {
                    pagesCameOrWent = true
                    changedPaths.append(path)
                }
            }
            lap("render \(due.count) pages")
            // The sitemap lists every page and its date: due when a page came or went or a date moved.
            let pagesMoved =
                pagesCameOrWent || sitemapDue
                || oldModel.recentlyUpdated.map { oldModel.articles[$0].metadata.updated }
                    != newModel.recentlyUpdated.map { newModel.articles[$0].metadata.updated }
            changedPaths += try updateFeeds(
                newModel, in: &files, sitemap: pagesMoved, languageLinks: newRenderer.languageLinks)
            changedPaths += syncAssets(loaded, into: &files)
            filesChanged = changedPaths.count
            lap("feeds and files")
            site.files = files
            renderer = newRenderer
            search.start(for: newModel)
            var update = succeeded(newModel, report, everything: false, articlesChanged, filesChanged, started)
            update.changedPaths = changedPaths.sorted()
            return update
        }
        let everythingRendered = try SiteBuilder.renderInMemory(
            newModel, root: root, translations: translations, search: false)
        search.start(for: newModel)
        site.files = everythingRendered.files
        renderer = SiteRenderer(model: newModel, templates: templates, translations: translations)
        renderedFingerprint = fingerprint
        return succeeded(newModel, report, everything: true, articlesChanged, everythingRendered.files.count, started)
    }

    private func succeeded(
        _ newModel: SiteModel, _ report: ValidationReport, everything: Bool, _ articlesChanged: Int,
        _ filesChanged: Int, _ started: Date
    ) -> Update {
        model = newModel
        pending = []
        return Update(
            report: report, succeeded: true, full: everything, articlesChanged: articlesChanged,
            filesChanged: filesChanged, seconds: Date().timeIntervalSince(started), phases: phases)
    }

    /// The pages that may differ between the two models: those that depend on a changed article
    /// in either, those whose related list changed, and the site-wide pages.
    private func pagesDue(old: SiteModel, new: SiteModel) -> Set<String> {
        var due: Set<String> = []
        var listed = false
        for path in pending {
            let (oldIndex, newIndex) = (old.knowledgeBase.bySourcePath[path], new.knowledgeBase.bySourcePath[path])
            let (before, after) = (oldIndex.map { old.articles[$0] }, newIndex.map { new.articles[$0] })
            // An article that every list shows as before (a body or heading edit): only its own
            // page shows what changed, and its codes' pages when its solutions moved.
            if let before, let after, let oldIndex, let newIndex, new.relatedUnchanged,
                Self.listedAlike(before, after)
            {
                due.insert(after.outputPath)
                if old.solutionAnchors[oldIndex] != new.solutionAnchors[newIndex] {
                    for code in after.metadata.codes { due.insert(SiteURLs.code(new.code(forKey: code.code.key))) }
                }
                continue
            }
            listed = true
            if let before { due.formUnion(old.outputs(dependingOn: before.slug)) }
            if let after { due.formUnion(new.outputs(dependingOn: after.slug)) }
        }
        if listed {
            due.formUnion([SiteURLs.home, SiteURLs.codeIndex, SiteURLs.categoryIndex, SiteURLs.tagIndex])
        }
        // Related lists shift when articles come, go or change what relates them.
        let rendered = { (path: String) in
            !SiteFiles.isSearchFile(path) && path != "sitemap.xml" && path != "feed.xml" && path != "robots.txt"
        }
        if new.relatedUnchanged { return due.filter(rendered) }
        // Compared by slug, as articles may have come or gone; when the model picked only a few
        // lists again, the others show the same articles as before.
        for index in new.relatedPicked ?? Set(new.articles.indices) {
            let before = old.knowledgeBase.bySlug[new.articles[index].slug].map { index in
                old.related[index].map { old.articles[$0].slug }
            }
            if before != new.related[index].map({ new.articles[$0].slug }) {
                due.insert(new.articles[index].outputPath)
            }
        }
        return due.filter(rendered)
    }

    /// Whether every page that lists an article shows `after` as it showed `before`: the same
    /// address, title, summary, date, category, tags, codes with their messages, symptoms, order,
    /// mark and related articles.
    private static func listedAlike(_ before: RenderedArticle, _ after: RenderedArticle) -> Bool {
        let (a, b) = (before.metadata, after.metadata)
        return before.slug == after.slug && before.title == after.title && a.summary == b.summary
            && a.updated == b.updated && a.category == b.category && a.tags == b.tags
            && a.codes.map { [$0.code.written, $0.code.key, $0.message ?? ""] }
                == b.codes.map { [$0.code.written, $0.code.key, $0.message ?? ""] }
            && a.codes.map(\.code.system) == b.codes.map(\.code.system)
            && a.symptoms == b.symptoms && a.order == b.order && a.featured == b.featured
            && a.related.map(\.text) == b.related.map(\.text) && a.aliases.map(\.text) == b.aliases.map(\.text)
    }

    /// The sitemap (over every page now served) and the feed; returns how many files changed.
    private func updateFeeds(
        _ model: SiteModel, in files: inout [String: [UInt8]], sitemap: Bool, languageLinks: LanguageLinks?
    ) throws -> [String] {
        var feeds = [OutputFile(path: "feed.xml", text: FeedWriter.atom(model))]
        // In a help center in several languages, robots.txt is the whole site's, at the top.
        if edition == nil { feeds.append(FeedWriter.robots(baseURL: model.config.baseURL)) }
        if sitemap {
            let pages = files.keys.filter {
                $0.hasSuffix(".html") && !$0.hasPrefix("files/") && !$0.hasPrefix("assets/")
            }
            let alternates = languageLinks.map { links in
                { (path: String) in links.links(path: path, root: "").alternates }
            }
            feeds += FeedWriter.sitemaps(model, paths: Array(pages), alternates: alternates)
        }
        var changed: [String] = []
        let written = Set(feeds.map(\.path))
        for path in files.keys
        where sitemap && path.hasPrefix("sitemap") && path.hasSuffix(".xml") && !written.contains(path) {
            files.removeValue(forKey: path)
            changed.append(path)
        }
        for feed in feeds {
            let bytes = try SiteFiles.bytes(of: feed)
            if files[feed.path] != bytes {
                files[feed.path] = bytes
                changed.append(feed.path)
            }
        }
        return changed
    }

    /// Content files copied to `files/`: added, changed and removed ones.
    private func syncAssets(_ loaded: LoadedSite, into files: inout [String: [UInt8]]) -> [String] {
        var changed: [String] = []
        let wanted = Dictionary(
            loaded.knowledgeBase.assets.map { ("files/" + $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        for path in files.keys where path.hasPrefix("files/") && wanted[path] == nil {
            files.removeValue(forKey: path)
            changed.append(path)
        }
        for (path, source) in wanted {
            guard let data = FileManager.default.contents(atPath: source) else { continue }
            let bytes = [UInt8](data)
            if files[path] != bytes {
                files[path] = bytes
                changed.append(path)
            }
        }
        return changed
    }

    /// The configuration file, the data files and the theme's files, with a hash of each: a
    /// change to any of them renders everything again.
    private func globalFingerprint(_ config: SiteConfig) -> [String: String] {
        func hash(_ path: String) -> String? {
            FileManager.default.contents(atPath: path).map { String(ContentHash.of($0)) }
        }
        var fingerprint: [String: String] = [
            "fixbook.yml": hash(root.appendingPathComponent("fixbook.yml").path) ?? "-"
        ]
        let content = root.appendingPathComponent(config.content)
        dataTexts = [:]
        for name in ContentSources.dataFileNames {
            var path = name
            var data = FileManager.default.contents(atPath: content.appendingPathComponent(name).path)
            // One language of several shares the content root's file when it has none of its own.
            if data == nil, edition != nil {
                path = "../" + name
                data = FileManager.default.contents(
                    atPath: content.deletingLastPathComponent().appendingPathComponent(name).path)
            }
            fingerprint["data:" + path] = data.map { String(ContentHash.of($0)) } ?? "-"
            if let data, let text = SourceText.decode(data) { dataTexts[name] = SourceText(path: path, text: text) }
        }
        let theme = SiteBuilder.resolve(config.templates, against: root)
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { fingerprint["theme:" + url.path] = hash(url.path) ?? "folder" }
        }
        return fingerprint
    }

    private static func reparse(_ path: String, contentRoot: URL, config: SiteConfig) -> ParsedArticle? {
        guard let data = FileManager.default.contents(atPath: contentRoot.path + "/" + path),
            let text = SourceText.decode(data)
        else { return nil }
        return ArticleParser.parse(SourceText(path: path, text: text), config: config).0
    }

}

/// The search index of the served site, brought up to date on another thread after an update
/// (`SplitIndex` rewrites what the update touched); reading it waits for the latest update's.
final class SearchFilesInProgress: @unchecked Sendable {
    private let condition = NSCondition()
    private var files: [String: [UInt8]] = [:]
    private var generation = 0
    private var ready = 0
    /// Updates one at a time, in order: each starts from the split index the one before left.
    private let queue = DispatchQueue(label: "fixbook.search-index")
    /// `IncrementalSite.searchDelay`.
    var delay: TimeInterval = 0
    /// Touched on `queue` only.
    private var splitIndex: SplitIndex?

    func start(for model: SiteModel) {
        let mine = condition.withLock {
            generation += 1
            return generation
        }
        let delay = delay
        queue.async { [self] in
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            // A later update supersedes this one: only the newest is built.
            guard condition.withLock({ mine == generation }) else { return }
            let index = SearchIndexBuilder.build(model)
            if splitIndex?.update(to: index, ui: model.ui) != true {
                splitIndex = nil
                splitIndex = SplitIndex(index, ui: model.ui)
            }
            let built = splitIndex!.files
            condition.withLock {
                guard mine == generation else { return }
                files = built
                ready = mine
                condition.broadcast()
            }
            returnFreedMemory()
        }
    }

    /// Gives the memory the build let go back to the system: the allocator keeps freed pages for
    /// reuse, and a long-running preview would otherwise hold the peak of every rebuild.
    private func returnFreedMemory() {
        _ = mallocTrim?(0)
    }

    func wait() -> [String: [UInt8]] {
        condition.withLock {
            while ready != generation { condition.wait() }
            return files
        }
    }
}

/// glibc's `malloc_trim`, which Swift's Glibc module does not declare (it is in `malloc.h`);
/// nil where the C library has none.
private let mallocTrim: (@convention(c) (Int) -> Int32)? = {
    #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    #else
        return nil
    #endif
}()
