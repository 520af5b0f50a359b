import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `fixbook serve` for real: the executable listens on a free port, answers real HTTP requests,
/// rebuilds when an article changes, and reports a failed build without dropping the site.
@Suite struct ServeCommandTests {
    struct Server {
        let process: Process
        let base: String
    }

    func start(_ root: URL) throws -> Server {
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["serve", "--root", root.path, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the address once the server listens.
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #"http://[0-9.]+:[0-9]+"#, options: .regularExpression) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        return Server(process: process, base: String(text[range]))
    }

    func get(_ url: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    func waitForStatus(_ server: Server, until condition: (String) -> Bool) async throws -> String {
        for _ in 0..<60 {
            let status = try await get(server.base + "/__fixbook/status").body
            if condition(status) { return status }
            try await Task.sleep(for: .milliseconds(200))
        }
        return try await get(server.base + "/__fixbook/status").body
    }

    @Test func aSaveInStepsIsBuiltOnceItIsFinished() async throws {
        let site = try TemporarySite(["Content/a.md": "---\ntitle: 一\n---\n"], withTemplates: false)
        defer { site.remove() }
        let watcher = SourceWatcher(root: site.root)
        let before = watcher.fingerprint()
        // An editor that empties the file, then writes it in two parts.
        let file = site.root.appendingPathComponent("Content/a.md")
        let saving = Task {
            try Data().write(to: file)
            try await Task.sleep(for: .milliseconds(20))
            try Data("---\ntitle: 二\n".utf8).write(to: file)
            try await Task.sleep(for: .milliseconds(20))
            try Data("---\ntitle: 二\n---\n正文。\n".utf8).write(to: file)
        }
        let changed = await watcher.nextChange(from: before, every: .milliseconds(5))
        try await saving.value
        #expect(changed == watcher.fingerprint())
        #expect(changed != before)
    }

    @Test func servesRebuildsAndReportsErrors() async throws {
        let site = try TemporarySite([
            "Content/a.md": article("title: 第一版\ncodes: [550]", body: "旧的正文。\n\n## 解决方法\n\n步骤。\n")
        ])
        defer { site.remove() }
        let server = try start(site.root)
        defer {
            server.process.interrupt()
            server.process.waitUntilExit()
        }

        let page = try await get(server.base + "/articles/a.html")
        #expect(page.status == 200)
        #expect(page.body.contains("旧的正文"))
        #expect(page.body.contains("/__fixbook/livereload.js"))
        #expect(try await get(server.base + "/").body.contains("第一版"))
        #expect(try await get(server.base + "/%2e%2e/%2e%2e/etc/passwd").status == 404)
        #expect(try await get(server.base + "/missing.html").status == 404)

        try site.write("Content/a.md", article("title: 第二版\ncodes: [550]", body: "新的正文。\n\n## 解决方法\n\n步骤。\n"))
        let rebuilt = try await waitForStatus(server) { $0.contains("\"generation\":2") }
        #expect(rebuilt.contains("\"generation\":2"))
        #expect(try await get(server.base + "/articles/a.html").body.contains("新的正文"))

        try site.write("Content/a.md", article("title: 第三版\ncodes: [550]", body: "没有解决方法。\n"))
        let failed = try await waitForStatus(server) { $0.contains("code-without-solution") }
        #expect(failed.contains("Content/a.md"))
        // The last good site is still served.
        #expect(try await get(server.base + "/articles/a.html").body.contains("新的正文"))
    }

    /// Saves as editors make them reach the open site: a temporary file moved over the article,
    /// an article that comes (listed on the home page), and one deleted (its page gone).
    @Test func savesByRenameNewFilesAndDeletionsAreServed() async throws {
        let site = try TemporarySite([
            "Content/a.md": article("title: 第一版", body: "正文。\n\n## 解决方法\n\n步骤。\n")
        ])
        defer { site.remove() }
        let server = try start(site.root)
        defer {
            server.process.interrupt()
            server.process.waitUntilExit()
        }
        #expect(try await get(server.base + "/articles/a.html").body.contains("第一版"))

        let temporary = site.root.appendingPathComponent("Content/.a.md.tmp")
        try Data(article("title: 第二版", body: "改过的正文。\n\n## 解决方法\n\n步骤。\n").utf8).write(to: temporary)
        #expect(rename(temporary.path, site.root.appendingPathComponent("Content/a.md").path) == 0)
        _ = try await waitForStatus(server) { $0.contains("\"generation\":2") }
        let renamed = try await get(server.base + "/articles/a.html").body
        #expect(renamed.contains("第二版") && renamed.contains("改过的正文"))

        try site.write("Content/b.md", article("title: 新来的文章", body: "正文。\n\n## 解决方法\n\n步骤。\n"))
        _ = try await waitForStatus(server) { $0.contains("\"generation\":3") }
        #expect(try await get(server.base + "/articles/b.html").body.contains("新来的文章"))
        #expect(try await get(server.base + "/").body.contains("新来的文章"))

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/b.md"))
        _ = try await waitForStatus(server) { $0.contains("\"generation\":4") }
        #expect(try await get(server.base + "/articles/b.html").status == 404)
        #expect(!(try await get(server.base + "/").body.contains("新来的文章")))
    }

    /// A help center in several languages is served whole: each language's pages and search
    /// index, the chooser at the top, and a translation's edit seen on its page and its link.
    @Test func servesEveryLanguageOfAHelpCenter() async throws {
        let english = "Text.\n\n## Solution\n\nDo it.\n"
        let site = try TemporarySite([
            "fixbook.yml": "languages: [zh-CN, en]\n",
            "Content/zh-CN/a.md": article("title: 退信 550\ncodes: [550]"),
            "Content/en/a.md": article("title: Bounce 550\ncodes: [550]", body: english),
        ])
        defer { site.remove() }
        let server = try start(site.root)
        defer {
            server.process.interrupt()
            server.process.waitUntilExit()
        }
        #expect(try await get(server.base + "/").body.contains("data-language-chooser"))
        let page = try await get(server.base + "/en/articles/a.html")
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>Bounce 550</h1>") || page.body.contains("Bounce 550</h1>"))
        #expect(page.body.contains("href=\"../../zh-cn/articles/a.html\" hreflang=\"zh-CN\""))
        #expect(try await get(server.base + "/en/search-index.json").body.contains("Bounce 550"))
        #expect(try await get(server.base + "/zh-cn/assets/search-index.js").status == 200)

        try site.write("Content/en/a.md", article("title: Bounce 550, fixed\ncodes: [550]", body: english))
        _ = try await waitForStatus(server) { $0.contains("\"generation\":2") }
        #expect(try await get(server.base + "/en/articles/a.html").body.contains("Bounce 550, fixed"))
        #expect(try await get(server.base + "/en/search-index.json").body.contains("Bounce 550, fixed"))
    }

    /// The page's wait for the next build returns as soon as a save is built, with the new page
    /// and the search index (built in the background) already served.
    @Test func aWaitingPageHearsOfTheNextBuildAtOnce() async throws {
        let site = try TemporarySite([
            "Content/a.md": article("title: 第一版\ncodes: [550]"), "Content/b.md": article("title: 另一篇"),
        ])
        defer { site.remove() }
        let server = try start(site.root)
        defer {
            server.process.interrupt()
            server.process.waitUntilExit()
        }
        let first = try await get(server.base + "/__fixbook/status").body
        #expect(first.contains("\"generation\":1"))
        // The page's request waits on the server; it is answered with the new generation once
        // the save is built (or, with no news, after a short while, and asked again).
        async let waited = get(server.base + "/__fixbook/status?since=1&errors=")
        try await Task.sleep(for: .milliseconds(300))
        try site.write("Content/a.md", article("title: 第二版\ncodes: [550]"))
        var status = try await waited.body
        for _ in 0..<30 where !status.contains("\"generation\":2") {
            status = try await get(server.base + "/__fixbook/status?since=1&errors=").body
        }
        #expect(status.contains("\"generation\":2"), "\(status)")
        #expect(try await get(server.base + "/articles/a.html").body.contains("第二版"))
        let index = try await get(server.base + "/search-index.json").body
        #expect(index.contains("第二版") && !index.contains("第一版"))
        // Only the pages that show the article were rendered again; the other article's page
        // still holds its bytes.
        #expect(try await get(server.base + "/articles/b.html").body.contains("另一篇"))
    }

    /// Change notifications: a save in steps is one change; renames over a file, new folders and
    /// deletions are changes; nothing happens while nothing changes.
    @Test func theKernelTellsOfEveryKindOfSave() async throws {
        let site = try TemporarySite(["Content/a.md": "---\ntitle: 一\n---\n"], withTemplates: false)
        defer { site.remove() }
        guard let notifier = ChangeNotifier.make(root: site.root, ignored: { $0.hasPrefix("Output") }) else {
            Issue.record("no change notifications on this platform")
            return
        }
        func change(_ edit: @escaping @Sendable () throws -> Void) async throws -> ChangeNotifier.Change? {
            let waiting = Task.detached { notifier.waitForChange(quiet: 25) }
            try await Task.sleep(for: .milliseconds(50))
            try edit()
            return await waiting.value
        }
        let file = site.root.appendingPathComponent("Content/a.md")
        // A file written over is named, so serve looks at it alone.
        #expect(try await change { try Data("---\ntitle: 二\n---\n".utf8).write(to: file) }?.files == ["Content/a.md"])
        // An editor that writes a temporary file and moves it over the article: both are named.
        #expect(
            try await change {
                let temporary = site.root.appendingPathComponent("Content/.a.md.swp")
                try Data("---\ntitle: 三\n---\n".utf8).write(to: temporary)
                _ = rename(temporary.path, file.path)
            }?.files == ["Content/.a.md.swp", "Content/a.md"])
        // A new folder: the content is listed again, and the folder watched from then on.
        #expect(
            try await change {
                try FileManager.default.createDirectory(
                    at: site.root.appendingPathComponent("Content/new"), withIntermediateDirectories: true)
            }.map { $0.files == nil } == true)
        #expect(
            try await change { try Data("x".utf8).write(to: site.root.appendingPathComponent("Content/new/b.md")) }?
                .files == ["Content/new/b.md"])
        // A file deleted, or moved away, is named too.
        #expect(try await change { try FileManager.default.removeItem(at: file) }?.files == ["Content/a.md"])
        #expect(
            try await change {
                _ = rename(
                    site.root.appendingPathComponent("Content/new/b.md").path,
                    site.root.appendingPathComponent("Content/new/c.md").path)
            }?.files == ["Content/new/b.md", "Content/new/c.md"])
        // A write in the output folder is not a change of the site.
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("Output"), withIntermediateDirectories: true)
        _ = notifier.waitForChange(quiet: 25)  // the folder itself appearing at the root is a change
        let quiet = Task.detached { (notifier.waitForChange(quiet: 25), Date()) }
        try await Task.sleep(for: .milliseconds(30))
        try Data("y".utf8).write(to: site.root.appendingPathComponent("Output/x.html"))
        try await Task.sleep(for: .milliseconds(200))
        let contentWritten = Date()
        try Data("---\ntitle: 四\n---\n".utf8).write(to: site.root.appendingPathComponent("Content/new/c.md"))
        let (changed, heard) = await quiet.value
        #expect(changed != nil && heard >= contentWritten, "the write in Output/ was taken for a change")
    }
}
