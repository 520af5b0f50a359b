import FixbookCLI
import FixbookCore
import FixbookTestSupport
import Foundation
import Testing

/// Runs the real `fixbook` executable against fixture sites and checks output and exit codes.
@Suite struct CLITests {
    /// The built executable next to the test bundle.
    static let executable: URL = {
        var url = Bundle.main.bundleURL
        while url.path != "/" {
            let candidate = url.appendingPathComponent("fixbook")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url.deleteLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/fixbook")
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr on another thread: a full pipe would otherwise block the child forever.
        nonisolated(unsafe) var stderr = Data()
        let stderrDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            stderrDone.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        stderrDone.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    static let broken: [String: String] = [
        "Content/a.md": article("title: A\ncodes:\n  - 0x800CCCOF", body: "正文\n"),
        "Content/b.md": article("title: B\ntag: [x]"),
    ]

    @Test func explainPrintsARuleWithItsExamples() throws {
        let explained = try run(["check", "--explain", "code-without-solution"])
        #expect(explained.status == 0)
        #expect(explained.stdout.hasPrefix("code-without-solution (error by default)\n"))
        #expect(explained.stdout.contains("Triggering example:\n  Content/a.md:\n    | ---\n    | title: a\n"))
        #expect(explained.stdout.contains("  gives:\n    code-without-solution Content/a.md:3\n"))
        #expect(explained.stdout.contains("Passing example (no diagnostic):"))
        let unknown = try run(["check", "--explain", "code-without-solutions"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no rule 'code-without-solutions'"))
    }

    /// A file name with a newline and a terminal escape stays on its one diagnostic line in every
    /// format, and drives no terminal.
    @Test func fileNamesWithControlCharactersAreEscapedInEveryReport() throws {
        let name = "Content/a\nb\u{1B}[2J\u{202E}.md"
        let site = try TemporarySite([name: article("title: A\nslug: a\ncodes: [0x800CCC0X]")])
        defer { site.remove() }
        let text = try run(["check", "--root", site.root.path]).stdout
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
        #expect(text.hasPrefix("Content/a\\nb\\u{1B}[2J\\u{202E}.md:4:9: error[malformed-code]: "), "\(text)")
        let github = try run(["check", "--root", site.root.path, "--format", "github"]).stdout
        let annotations = github.split(separator: "\n")
        #expect(annotations.count == 1 && annotations[0].hasPrefix("::error file=Content/a\\nb\\u{1B}[2J"), "\(github)")
        #expect(!github.contains("\u{1B}"))
        let json = try run(["check", "--root", site.root.path, "--format", "json"]).stdout
        let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(items?.first?["file"] as? String == name)
    }

    /// The excerpt of a line that is not UTF-8 shows the line, with the bad byte as U+FFFD.
    @Test func invalidUTF8IsShownAtItsLineWithAReplacementCharacter() throws {
        let site = try TemporarySite([:])
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        let bytes = Data("---\ntitle: a\n---\n一\n二\nCaf".utf8) + Data([0xE9]) + Data(" au lait\n".utf8)
        try bytes.write(to: site.root.appendingPathComponent("Content/a.md"))
        let result = try run(["check", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix(
                "Content/a.md:6:4: error[unreadable-file]: the file is not valid UTF-8: byte 0xE9 here does not belong to a UTF-8 character; it looks like Windows-1252 (Western European) text"
            ), "\(result.stdout)")
        #expect(result.stdout.contains("\n    Caf\u{FFFD} au lait\n       ^\n"), "\(result.stdout)")
    }

    @Test func textReportNamesFileLineRuleAndShowsTheLine() throws {
        let site = try TemporarySite(Self.broken)
        defer { site.remove() }
        let result = try run(["check", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                Content/a.md:4:5: error[malformed-code]: '0x800CCCOF' contains a letter where a hex digit belongs (O for zero, l or I for one); did you mean '0x800CCC0F'?
                      - 0x800CCCOF
                        ^
                Content/b.md:3:1: warning[unknown-key]: unknown front-matter key 'tag'; did you mean 'tags'?
                    tag: [x]
                    ^
                1 error, 1 warning

                """
        )
    }

    @Test func jsonReport() throws {
        let site = try TemporarySite(Self.broken)
        defer { site.remove() }
        let result = try run(["check", "--root", site.root.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                [
                  {
                    "column" : 5,
                    "file" : "Content/a.md",
                    "line" : 4,
                    "message" : "'0x800CCCOF' contains a letter where a hex digit belongs (O for zero, l or I for one); did you mean '0x800CCC0F'?",
                    "rule" : "malformed-code",
                    "severity" : "error",
                    "suggestion" : "0x800CCC0F"
                  },
                  {
                    "column" : 1,
                    "file" : "Content/b.md",
                    "line" : 3,
                    "message" : "unknown front-matter key 'tag'; did you mean 'tags'?",
                    "rule" : "unknown-key",
                    "severity" : "warning",
                    "suggestion" : "tags"
                  }
                ]

                """
        )
    }

    @Test func githubAnnotations() throws {
        let site = try TemporarySite(Self.broken)
        defer { site.remove() }
        let result = try run(["check", "--root", site.root.path, "--format", "github"])
        #expect(
            result.stdout == """
                ::error file=Content/a.md,line=4,col=5,title=malformed-code::'0x800CCCOF' contains a letter where a hex digit belongs (O for zero, l or I for one); did you mean '0x800CCC0F'?
                ::warning file=Content/b.md,line=3,col=1,title=unknown-key::unknown front-matter key 'tag'; did you mean 'tags'?

                """
        )
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let site = try TemporarySite(["Content/b.md": article("title: B\ntag: [x]")])
        defer { site.remove() }
        #expect(try run(["check", "--root", site.root.path]).status == 0)
        #expect(try run(["check", "--root", site.root.path, "--strict"]).status == 1)
    }

    @Test func buildRefusesOnErrorsAndWritesNothing() throws {
        let site = try TemporarySite(Self.broken)
        defer { site.remove() }
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/a.md:4:5: error[malformed-code]"))
        #expect(!site.exists("Output"))
    }

    @Test func buildPrintsASummary() throws {
        let site = try TemporarySite(["Content/a.md": article("title: A\ncodes: [550]")])
        defer { site.remove() }
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("built "))
        #expect(result.stdout.contains("1 articles, 1 codes into Output"))
        #expect(site.exists("Output/index.html"))
    }

    @Test func usageAndIOErrorsExitTwo() throws {
        #expect(try run(["check", "--format", "xml"]).status == 2)
        #expect(try run(["check", "--root", "/nonexistent/fixbook"]).status == 2)
        #expect(try run(["--version"]).status == 0)
    }
}

@Suite struct LookupCommandTests {
    @Test func answersACodeWithTheSolutionText() throws {
        let site = try TemporarySite([
            "Content/a.md": article("title: 连接超时\ncodes: [0x800CCC0F]", body: "说明。\n\n## 解决方法\n\n关闭防火墙后重启客户端。\n")
        ])
        defer { site.remove() }
        let result = try CLITests().run(["lookup", "--root", site.root.path, "0x800cccof"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("连接超时\n  Output/articles/a.html#"))
        #expect(result.stdout.contains("关闭防火墙后重启客户端。"))
        let json = try CLITests().run(["lookup", "--root", site.root.path, "--format", "json", "超时"])
        let answers = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(answers?.first?["slug"] as? String == "a")
        #expect(try CLITests().run(["lookup", "--root", site.root.path, "zzqqxx"]).status == 1)
    }

    @Test func saysWhatAMisspelledQueryWasSearchedAs() throws {
        let site = try TemporarySite([
            "fixbook.yml": "language: zh-CN\n",
            "Content/a.md": article("title: 如何安装 Outlook 客户端"),
        ])
        defer { site.remove() }
        let chinese = try CLITests().run(["lookup", "--root", site.root.path, "怎么按装", "Outlok"])
        #expect(chinese.status == 0)
        #expect(chinese.stdout.hasPrefix("showing results for '怎么安装 outlook'\n\n如何安装 Outlook 客户端\n"))
        // every occurrence, as normalized (⼈ is a Kangxi radical, pasted from a PDF), whole English words only
        let repeated = try CLITests().run(["lookup", "--root", site.root.path, "按装⼈按装 outlooks Outlok"])
        #expect(repeated.stdout.hasPrefix("showing results for '安装人安装 outlooks outlook'\n"), "\(repeated.stdout)")
        let exact = try CLITests().run(["lookup", "--root", site.root.path, "安装"])
        #expect(exact.stdout.hasPrefix("如何安装 Outlook 客户端\n"))
    }

    @Test func searchesTheLanguageAskedFor() throws {
        let site = try TemporarySite([
            "fixbook.yml": "languages: [zh-CN, en]\n",
            "Content/zh-CN/a.md": article("title: 连接超时\ncodes: [0x800CCC0F]"),
            "Content/en/a.md": article(
                "title: Connection timed out\ncodes: [0x800CCC0F]", body: "Text.\n\n## Solution\n\nRestart Outlook.\n"),
        ])
        defer { site.remove() }
        let chinese = try CLITests().run(["lookup", "--root", site.root.path, "0x800cccof"])
        #expect(chinese.stdout.hasPrefix("连接超时\n  Output/zh-cn/articles/a.html#"))
        let english = try CLITests().run(["lookup", "--root", site.root.path, "--language", "en", "0x800cccof"])
        #expect(english.stdout.hasPrefix("Connection timed out\n  Output/en/articles/a.html#"))
        #expect(english.stdout.contains("Restart Outlook."))
        let unknown = try CLITests().run(["lookup", "--root", site.root.path, "--language", "fr", "x"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no language 'fr'; use one of zh-CN, en"))
    }
}

@Suite struct FuzzCorpusTests {
    /// Every fuzz seed and past finding still runs through the parsing pipeline without a crash.
    @Test func corpusReplaysCleanly() throws {
        let replay = CLITests.executable.deletingLastPathComponent().appendingPathComponent("FixbookFuzz")
        let process = Process()
        process.executableURL = replay
        process.arguments = [repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz-corpus").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.hasPrefix("replayed "))
    }
}

@Suite struct NewCommandTests {
    @Test func scaffoldsAnArticleThatPassesCheck() throws {
        let site = try TemporarySite(["fixbook.yml": "language: zh-CN\n", "Content/a.md": article("title: A")])
        defer { site.remove() }
        let cli = CLITests()
        let created = try cli.run([
            "new", "--root", site.root.path, "收信报错 无法连接", "--code", "0x800ccc0e", "--code", "550",
        ])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("created Content/0x800ccc0e-550.md\n"))
        #expect(created.stdout.contains("solution-placeholder"), "new says the placeholder must be filled")
        let text = try site.read("Content/0x800ccc0e-550.md")
        #expect(text.contains("  - code: \"0x800ccc0e\""))
        #expect(text.contains("## 解决方法"))
        // The scaffold's placeholder step is not a solution: check refuses it until it is replaced.
        let refused = try cli.run(["check", "--root", site.root.path])
        #expect(refused.status == 1)
        #expect(
            refused.stdout.contains("Content/0x800ccc0e-550.md:24:1: error[solution-placeholder]"), "\(refused.stdout)")
        let filled = text.replacing(
            #/<!-- fixbook:placeholder[^\n]*\n1\. 第一步。/#, with: "1. 在账户设置里把接收服务器改为 pop.example.com。")
        try site.write("Content/0x800ccc0e-550.md", filled)
        #expect(try cli.run(["check", "--root", site.root.path]).status == 0)
        try site.write("Content/0x800ccc0e-550.md", text)
        // Never overwrites.
        #expect(try cli.run(["new", "--root", site.root.path, "again", "--slug", "0x800ccc0e-550"]).status == 2)
        #expect(try site.read("Content/0x800ccc0e-550.md") == text)
    }

    @Test func writesIntoTheLanguagesFolder() throws {
        let site = try TemporarySite([
            "fixbook.yml": "languages: [zh-CN, en]\n", "Content/zh-CN/a.md": article("title: 甲"),
            "Content/en/a.md": article("title: A", body: "Text.\n\n## Solution\n\nDo it.\n"),
        ])
        defer { site.remove() }
        let cli = CLITests()
        let english = try cli.run([
            "new", "--root", site.root.path, "Outlook can't send", "--language", "en", "--category", "mail",
        ])
        #expect(english.stdout.hasPrefix("created Content/en/mail/outlook-can-t-send.md\n"), "\(english.stderr)")
        #expect(try site.read("Content/en/mail/outlook-can-t-send.md").contains("## Resolution"))
        let chinese = try cli.run(["new", "--root", site.root.path, "发不出信", "--slug", "cannot-send"])
        #expect(chinese.stdout.hasPrefix("created Content/zh-CN/cannot-send.md\n"))
        #expect(try site.read("Content/zh-CN/cannot-send.md").contains("## 解决方法"))
        let unknown = try cli.run(["new", "--root", site.root.path, "x", "--language", "fr"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no language 'fr'"))
    }

    @Test func refusesBadInput() throws {
        let site = try TemporarySite(["Content/a.md": article("title: A")])
        defer { site.remove() }
        let cli = CLITests()
        #expect(try cli.run(["new", "--root", site.root.path, "只有中文"]).status == 2)
        #expect(
            try cli.run(["new", "--root", site.root.path, "x", "--code", "0x800CCCOF"]).stderr.contains("0x800CCC0F"))
        #expect(try cli.run(["new", "--root", site.root.path, "x", "--slug", "../evil"]).status == 2)
        #expect(
            try cli.run(["new", "--root", site.root.path, "Outlook can't send", "--category", "mail"]).stdout
                .hasPrefix("created Content/mail/outlook-can-t-send.md\n"))
    }
}

@Suite struct InitCommandTests {
    @Test func scaffoldsAKnowledgeBaseThatBuildsWithTheBuiltInTheme() throws {
        let site = try TemporarySite([:], withTemplates: false)
        defer { site.remove() }
        let cli = CLITests()
        let target = site.root.appendingPathComponent("kb").path
        #expect(try cli.run(["init", target, "--language", "zh-CN"]).status == 0)
        let check = try cli.run(["check", "--root", target])
        #expect(check.status == 0)
        #expect(check.stdout == "covered 1/1 codes\n0 errors, 0 warnings\n")
        #expect(try cli.run(["build", "--root", target]).status == 0)
        #expect(site.exists("kb/Output/articles/example-550.html"))
        #expect(site.exists("kb/Output/assets/search.js"))
        #expect(try site.read("kb/Output/index.html").contains("lang=\"zh-CN\""))
        // Never over an existing knowledge base.
        #expect(try cli.run(["init", target]).status == 2)
    }

    @Test func scaffoldsAHelpCenterInSeveralLanguages() throws {
        let site = try TemporarySite([:], withTemplates: false)
        defer { site.remove() }
        let cli = CLITests()
        let target = site.root.appendingPathComponent("kb").path
        #expect(try cli.run(["init", target, "--languages", "zh-CN,en"]).status == 0)
        #expect(try site.read("kb/fixbook.yml").contains("languages: [zh-CN, en]"))
        let check = try cli.run(["check", "--root", target])
        #expect(check.stdout == "covered 2/2 codes\n0 errors, 0 warnings\n")
        #expect(try cli.run(["build", "--root", target]).status == 0)
        #expect(try site.read("kb/Output/en/articles/example-550.html").contains("Example: sending fails with 550"))
        #expect(try site.read("kb/Output/zh-cn/articles/example-550.html").contains("示例：发信时报错 550"))
        #expect(try site.read("kb/Output/index.html").contains("data-language-chooser"))
        let bad = try cli.run(["init", site.root.appendingPathComponent("other").path, "--languages", "en,../x"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'../x' is not a language tag"))
    }

    @Test func withThemeWritesTheTemplates() throws {
        let site = try TemporarySite([:], withTemplates: false)
        defer { site.remove() }
        #expect(try CLITests().run(["init", site.root.path, "--with-theme"]).status == 0)
        let written = try site.read("Templates/base.mustache")
        let original = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Templates/base.mustache"), encoding: .utf8)
        #expect(written == original)
    }
}

@Suite struct DefaultThemeTests {
    /// The built-in theme is compiled from Templates/ at build time (the EmbedTheme plugin): every
    /// file, byte for byte, including ones whose text would end a plain string literal.
    @Test func builtInThemeMatchesTemplatesFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("Templates")
        var onDisk: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        for case let path as String in enumerator where !path.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                onDisk[path] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        let builtIn = KnowledgeBaseScaffold.theme
        #expect(Set(builtIn.keys) == Set(onDisk.keys))
        for (path, text) in onDisk { #expect(builtIn[path] == text, "\(path) differs") }
    }
}
