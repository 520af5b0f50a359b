import FixbookTestSupport
import Foundation
import PropertyBased
import Testing

@testable import FixbookCore

/// The incremental build `serve` runs is checked against a fresh full build after every edit of
/// long random sequences: every served file, byte for byte, and every diagnostic. Seeded (a
/// failure prints the seed to replay it) and shrunk to the shortest sequence that still fails.
/// `FIXBOOK_RANDOM_EDITS=N` runs N sequences instead of the few CI runs.
@Suite(.serialized) struct IncrementalSiteTests {
    @Test func anEditRendersOnlyWhatDependsOnIt() throws {
        let site = try EditableSite()
        defer { site.remove() }
        let incremental = IncrementalSite(root: site.root)
        let first = try incremental.update()
        #expect(first.succeeded && first.full)
        site.apply(Edit(kind: .body, target: 0, value: 7))
        let second = try incremental.update()
        #expect(second.succeeded && !second.full && second.articlesChanged == 1)
        // The article's page changed; a page that does not show it did not.
        #expect(second.filesChanged >= 1 && second.filesChanged < 10, "\(second.filesChanged) files changed")
        try expectSameAsFullBuild(incremental, site)
        let idle = try incremental.update()
        #expect(idle.articlesChanged == 0 && idle.filesChanged == 0)
    }

    /// `serve` lets the open pages reload before the search index is updated: the index of an
    /// update is not there before the delay has passed, in every language's site too.
    @Test(arguments: [[], ["zh-CN", "en"]])
    func theSearchIndexWaitsForItsDelay(languages: [String]) throws {
        let site = try EditableSite(languages: languages)
        defer { site.remove() }
        let incremental = IncrementalSite(root: site.root)
        incremental.searchDelay = 0.4
        _ = try incremental.update()
        let started = Date()
        #expect(!incremental.searchFiles().isEmpty)
        #expect(Date().timeIntervalSince(started) >= 0.4)
    }

    @Test func aBrokenFileKeepsTheLastGoodSiteAndRecovers() throws {
        let site = try EditableSite()
        defer { site.remove() }
        let incremental = IncrementalSite(root: site.root)
        _ = try incremental.update()
        let good = incremental.site
        site.apply(Edit(kind: .breakCode, target: 1, value: 0))
        let broken = try incremental.update()
        #expect(!broken.succeeded && broken.report.diagnostics.contains { $0.rule == .malformedCode })
        #expect(incremental.site == good)
        site.apply(Edit(kind: .breakCode, target: 1, value: 1))
        let fixed = try incremental.update()
        #expect(fixed.succeeded)
        try expectSameAsFullBuild(incremental, site)
    }

    @Test func randomEditsGiveWhatAFullBuildGives() async throws {
        await checkRandomEdits(sequences: 4, steps: 1...40, languages: []) { incremental, site, after, update in
            try expectSameAsFullBuild(incremental, site, after: after, update: update)
        }
    }

    /// The same, for a help center in two languages: every language's files and the top's equal
    /// those `fixbook build` writes, and the diagnostics those of `fixbook check`.
    @Test func randomEditsInSeveralLanguagesGiveWhatABuildGives() async throws {
        await checkRandomEdits(sequences: 3, steps: 1...30, languages: ["zh-CN", "en"]) {
            incremental, site, after, update in
            if update == nil {
                #expect(incremental.allFiles()["en/articles/a1.html"]?.isEmpty == false)
            }
            try expectSameAsHelpCenterBuild(incremental, site, after: after, update: update)
        }
    }

    /// Applies seeded random sequences of edits to an `EditableSite` in `languages`, updating an
    /// incremental site after each, and hands both to `compare` (first after the first build,
    /// without an update). `FIXBOOK_RANDOM_EDITS` overrides how many sequences run.
    private func checkRandomEdits(
        sequences: Int, steps: ClosedRange<Int>, languages: [String],
        compare: @escaping @Sendable (IncrementalSite, EditableSite, String, IncrementalSite.Update?) throws -> Void
    ) async {
        let count = Int(ProcessInfo.processInfo.environment["FIXBOOK_RANDOM_EDITS"] ?? "") ?? sequences
        let edit = zip(Gen.int(in: 0...(Edit.Kind.allCases.count - 1)), Gen.int(in: 0...63), Gen.int(in: 0...63))
            .map { Edit(kind: Edit.Kind.allCases[$0], target: $1, value: $2) }
        await propertyCheck(count: count, input: edit.array(of: steps)) { edits in
            do {
                let site = try EditableSite(languages: languages)
                defer { site.remove() }
                let incremental = IncrementalSite(root: site.root)
                let first = try incremental.update()
                #expect(first.succeeded, "\(first.report.diagnostics.filter { $0.severity == .error })")
                try compare(incremental, site, "the first build", nil)
                for (step, edit) in edits.enumerated() {
                    site.apply(edit)
                    // Every other step is told which files changed, as serve is by the kernel.
                    let update = try incremental.update(changedFiles: step % 2 == 0 ? site.changedFiles : nil)
                    try compare(incremental, site, "step \(step + 1) (\(edit))", update)
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    private func expectSameAsHelpCenterBuild(
        _ incremental: IncrementalSite, _ site: EditableSite, after: String, update: IncrementalSite.Update? = nil
    ) throws {
        let center = try HelpCenter.load(root: site.root)
        let report = center.validate()
        if let update {
            #expect(
                update.report.diagnostics == report.diagnostics,
                "\(after): diagnostics differ\n\(update.report.diagnostics)\n\(report.diagnostics)")
            #expect(update.succeeded == (report.errorCount == 0), "\(after)")
        }
        guard report.errorCount == 0 else { return }
        let collector = FileCollector()
        _ = try SiteBuilder.renderHelpCenter(center, root: site.root) { try collector.add($0) }
        let mine = incremental.allFiles()
        let theirs = collector.files
        let differing = Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
        #expect(differing.isEmpty, "\(after): \(differing.prefix(8)) differ from a build")
    }

    /// The incremental site's diagnostics and, when it built, every file equal a fresh build's.
    private func expectSameAsFullBuild(
        _ incremental: IncrementalSite, _ site: EditableSite, after: String = "", update: IncrementalSite.Update? = nil
    ) throws {
        let fresh = IncrementalSite(root: site.root)
        let full = try fresh.update()
        if let update {
            #expect(
                update.report.diagnostics == full.report.diagnostics,
                "\(after): diagnostics differ\n\(update.report.diagnostics)\n\(full.report.diagnostics)")
            #expect(update.succeeded == full.succeeded, "\(after)")
            guard full.succeeded else { return }
        }
        let mine = incremental.allFiles()
        let theirs = fresh.allFiles()
        let differing = Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
        #expect(differing.isEmpty, "\(after): \(differing.prefix(8)) differ from a full build")
    }
}

/// One random edit: what to change, which article, and a value that picks the change.
struct Edit: Sendable, CustomStringConvertible {
    enum Kind: CaseIterable, Sendable {
        case body, title, slug, codes, tags, category, related, aliases, draft, heading, link, add, delete, rename
        case breakCode, categories, catalog, synonyms, template, config, asset
    }

    var kind: Kind
    var target: Int
    var value: Int

    var description: String { "\(kind) #\(target) = \(value)" }
}

/// A small knowledge base written from article specs, so that edits stay valid Markdown.
final class EditableSite {
    struct Article {
        var path: String
        var title: String
        var slug: String?
        var codes: [String]
        var tags: [String]
        var category: String?
        var related: [String] = []
        var aliases: [String] = []
        var draft = false
        var heading = "解决方法"
        var extraHeading = "原因"
        var paragraph = "正文。"
        var links: [String] = []
        var brokenCode = false
        /// The scaffold's placeholder left in the solution section.
        var placeholder = false
    }

    let root: URL
    private var articles: [Article] = []
    private var counter = 0
    /// For a help center in several languages (`languages:`), the language folders; the articles
    /// alternate between them, at the same paths, so half of them translate the other half.
    private let languages: [String]

    /// The folder articles of `language` live in: `Content/`, or `Content/<language>/`.
    private func folder(_ language: Int) -> String {
        languages.isEmpty ? "Content/" : "Content/\(languages[language % languages.count])/"
    }

    /// The language folder of the article at `path` (`Content/en/mail/a.md` → `Content/en/`).
    private func folder(of path: String) -> String {
        guard !languages.isEmpty else { return "Content/" }
        return path.split(separator: "/").prefix(2).joined(separator: "/") + "/"
    }

    private var configText: String {
        languages.isEmpty ? "language: zh-CN\n" : "languages: [\(languages.joined(separator: ", "))]\n"
    }

    init(languages: [String] = []) throws {
        self.languages = languages
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fixbook-edits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        // A copy of the theme, as the edits change a template.
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        write("fixbook.yml", "title: 测试\n" + configText)
        write("Content/categories.yml", "mail:\n  title: 邮件\nweb:\n  title: 网页\n")
        write("Content/codes.yml", "- code: 550\n- code: 0x800CCC0F\n")
        write("Content/synonyms.yml", "- [登录, 登陆]\n")
        for language in languages.indices { write(folder(language) + "p.png", "png") }
        if languages.isEmpty { write("Content/p.png", "png") }
        let codes = ["550", "0x800CCC0F", "5.1.1", "552", "0x800CCC0E", "11004"]
        for index in 0..<12 {
            // In several languages, a0…a5 in each: the same paths, each article's translation.
            let name = languages.isEmpty ? index : index / max(1, languages.count)
            articles.append(
                Article(
                    path: folder(index) + "\(name % 2 == 0 ? "mail" : "web")/a\(name).md", title: "文章 \(index) 登录",
                    codes: [codes[name % codes.count]], tags: ["t\(name % 3)", "共同"],
                    category: name % 4 == 3 ? nil : (name % 2 == 0 ? "mail" : "web"),
                    links: index > 0 ? ["../mail/a0.md"] : []))
        }
        for article in articles { write(article) }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// What the last `apply` changed, as the kernel would tell it: the files written, come or gone
    /// (root relative, an editor's temporary files included), or nil when a folder came.
    private(set) var changedFiles: Set<String>? = []

    func apply(_ edit: Edit) {
        counter += 1
        changedFiles = []
        guard !articles.isEmpty else {
            addArticle(edit.value)
            return
        }
        let index = edit.target % articles.count
        let value = edit.value
        switch edit.kind {
        case .body:
            articles[index].paragraph = "正文第 \(value) 版，编辑 \(counter)。"
            articles[index].placeholder = value % 11 == 0
        case .title:
            // Now and then a code misspelt with the letter O, which the title may not show.
            articles[index].title =
                value % 5 == 0 ? "文章 \(index)" : value % 9 == 0 ? "标题 0x800CCCOD" : "标题 \(value) 登陆"
        case .slug: articles[index].slug = value % 3 == 0 ? nil : "s\(value % 8)"
        case .codes:
            articles[index].codes =
                value % 4 == 0
                ? [] : ["550", "0x800CCC0F", "5.1.1", "4.4.7"].shuffled(seed: value).prefix(value % 3 + 1).map { $0 }
        case .tags: articles[index].tags = (0..<(value % 3)).map { "t\((value + $0) % 5)" }
        case .category: articles[index].category = [nil, "mail", "web", "web", "mail", "spam"][value % 6]
        case .related:
            articles[index].related = value % 2 == 0 ? [] : [articles[value % articles.count].slug ?? "a\(value % 12)"]
        case .aliases: articles[index].aliases = value % 2 == 0 ? [] : ["old/x\(value % 4)"]
        case .draft: articles[index].draft = value % 3 == 0
        case .heading:
            articles[index].extraHeading = "原因 \(value % 4)"
            // "其他" opens no solution section: the article's codes are left without a fix.
            articles[index].heading = value % 5 == 0 ? "处理方法" : value % 7 == 0 ? "其他" : "解决方法"
        case .link:
            let other = articles[value % articles.count].path.split(separator: "/").suffix(2).joined(separator: "/")
            articles[index].links = value % 4 == 0 ? [] : ["../" + other, "../" + other + "#解决方法"]
        case .add: addArticle(value)
        case .delete:
            removeFile(articles[index].path)
            articles.remove(at: index)
            return
        case .rename:
            removeFile(articles[index].path)
            articles[index].path =
                folder(of: articles[index].path) + "\(value % 2 == 0 ? "mail" : "web")/r\(counter).md"
        case .breakCode: articles[index].brokenCode = value % 2 == 0
        case .categories:
            write(
                "Content/categories.yml",
                "mail:\n  title: 邮件 \(value)\nweb:\n  title: 网页\n" + (value % 2 == 0 ? "" : "spam:\n  title: 垃圾\n"))
        case .catalog:
            write("Content/codes.yml", value % 2 == 0 ? "- code: 550\n" : "- code: 550\n- code: 0x800CCC0F\n")
        case .synonyms: write("Content/synonyms.yml", value % 2 == 0 ? "- [登录, 登陆]\n" : "- [登录, 登陆, 登入]\n- [退信, 退回]\n")
        case .template:
            let path = "Templates/partials/footer.mustache"
            let original = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
            write(
                path,
                original.replacingOccurrences(of: "<!-- edit -->", with: "") + (value % 2 == 0 ? "" : "<!-- edit -->"))
        case .config: write("fixbook.yml", "title: 测试 \(value % 3)\n" + configText)
        case .asset:
            if value % 2 == 0 {
                removeFile(folder(0) + "p.png")
            } else {
                write(folder(0) + "p.png", "png \(value)")
            }
        }
        if edit.kind != .add { write(articles[index]) }
    }

    private func addArticle(_ value: Int) {
        let article = Article(
            path: folder(value) + "\(value % 2 == 0 ? "mail" : "web")/n\(counter).md", title: "新文章 \(counter)",
            codes: value % 2 == 0 ? ["550"] : [], tags: ["t\(value % 5)"], category: value % 3 == 0 ? nil : "mail",
            links: ["../mail/a0.md"])
        articles.append(article)
        write(article)
    }

    private func write(_ article: Article) {
        var front = ["title: \"\(article.title)\""]
        if let slug = article.slug { front.append("slug: \(slug)") }
        if let category = article.category { front.append("category: \(category)") }
        let codes = article.codes + (article.brokenCode ? ["0x800CCCOF"] : [])
        if !codes.isEmpty { front.append("codes: [" + codes.joined(separator: ", ") + "]") }
        if !article.tags.isEmpty { front.append("tags: [" + article.tags.joined(separator: ", ") + "]") }
        if !article.related.isEmpty { front.append("related: [" + article.related.joined(separator: ", ") + "]") }
        if !article.aliases.isEmpty { front.append("aliases: [" + article.aliases.joined(separator: ", ") + "]") }
        if article.draft { front.append("draft: true") }
        front.append("updated: 2026-11-\(10 + article.title.count % 18)")
        let links = article.links.map { "[相关](\($0))" }.joined(separator: " ")
        let body =
            "\(article.paragraph) \(links) ![图](../p.png)\n\n## \(article.extraHeading)\n\n说明。\n\n## \(article.heading)\n\n"
            + (article.placeholder ? ArticleScaffold.placeholderComment + "\n" : "") + "按步骤处理。\n"
        write(article.path, "---\n" + front.joined(separator: "\n") + "\n---\n" + body)
    }

    private func removeFile(_ path: String) {
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) { changedFiles?.insert(path) }
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Writes in place, or every third time as editors that save safely do: a temporary file
    /// beside it (hidden, or not) moved over it.
    private func write(_ path: String, _ text: String) {
        let url = root.appendingPathComponent(path)
        if !FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path) { changedFiles = nil }
        changedFiles?.insert(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard counter % 3 == 0 else {
            try? Data(text.utf8).write(to: url)
            return
        }
        let temporary =
            (path as NSString).deletingLastPathComponent
            + (counter % 2 == 0 ? "/.save\(counter)" : "/save\(counter).tmp")
        changedFiles?.insert(temporary)
        try? Data(text.utf8).write(to: root.appendingPathComponent(temporary))
        _ = rename(root.appendingPathComponent(temporary).path, url.path)
    }
}

extension Array {
    /// The same order for the same seed, on every machine.
    fileprivate func shuffled(seed: Int) -> [Element] {
        var result = self
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        for index in result.indices.reversed() where index > 0 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            result.swapAt(index, Int(state >> 33) % (index + 1))
        }
        return result
    }
}
