import FixbookCore
import FixbookTestSupport
import Foundation
import Testing

/// Every input file is hostile: each case is generated here, built for real, and must give its
/// expected outcome — never a crash, never a write outside the output, never live script.
struct HostileCase: CustomTestStringConvertible, Sendable {
    enum Outcome: Sendable {
        /// Builds; every payload is inert in the output.
        case renderedSafely
        /// Refused with this rule, naming this file and line.
        case diagnostic(String, file: String, line: Int)
        /// Refused with exactly one error: this rule at this line and column, its message holding
        /// `saying` (one problem, one error, pointing at the byte).
        case soleError(String, file: String, line: Int, column: Int = 1, saying: String = "")
        /// Builds, and these pages are in the output.
        case pages([String])
        /// Skipped or flagged with this warning rule; the rest builds.
        case warning(String)
        /// Left out of the site without a word (editor junk).
        case ignored(String)
    }

    var name: String
    var files: [String: Data]
    var outcome: Outcome
    var setUp: (@Sendable (URL) throws -> Void)?
    /// How long the build may take, in seconds of a debug build: generous, but a quadratic
    /// path (minutes) fails it.
    var timeLimit: Double

    var testDescription: String { name }

    init(
        _ name: String, _ files: [String: String], _ outcome: Outcome, timeLimit: Double = 20,
        setUp: (@Sendable (URL) throws -> Void)? = nil
    ) {
        self.name = name
        self.files = files.mapValues { Data($0.utf8) }
        self.outcome = outcome
        self.setUp = setUp
        self.timeLimit = timeLimit
    }

    init(_ name: String, bytes: [String: Data], _ outcome: Outcome, timeLimit: Double = 20) {
        self.name = name
        self.files = bytes
        self.outcome = outcome
        self.timeLimit = timeLimit
    }
}

private let xss = "<script>__xss(1)</script><img src=x onerror=__xss(2)>\"'><svg onload=__xss(3)>"

/// A YAML double-quoted scalar.
private func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

private func page(_ frontMatter: String, _ body: String = "正文\n\n## 解决方法\n\n处理。\n") -> String {
    article(frontMatter, body: body)
}

let hostileCases: [HostileCase] = [
    // Script in every field that reaches HTML, JSON or search results.
    HostileCase(
        "xss in front matter",
        [
            "Content/categories.yml": "c:\n  title: \(quoted(xss))\n  description: \(quoted(xss))\n",
            "Content/x.md": page(
                "title: \(quoted(xss))\nsummary: \(quoted(xss + " </script><!--"))\ncategory: c\nsymptoms: [\(quoted(xss))]\ntags: [\(quoted(xss))]\ncodes:\n  - code: \(quoted(xss))\n    message: \(quoted(xss))\naliases: [old]"
            ),
        ], .renderedSafely
    ),
    HostileCase(
        "xss in markdown",
        [
            "Content/x.md": page(
                "title: x",
                "\(xss)\n\n<a href=\"javascript:__xss(4)\">a</a> [b](javascript:__xss(5)) [c](JaVaScRiPt:__xss(6)) [d](vbscript:__xss(7)) [e](data:text/html;base64,PHNjcmlwdD5fX3hzcyg4KTwvc2NyaXB0Pg==) ![f](javascript:__xss(9)) <https://e.com/\"onmouseover=__xss(10)>\n\n```html\n</script><script>__xss(11)</script>\n```\n\n## 解决方法\n\n<iframe src=javascript:__xss(12)></iframe>\n"
            )
        ], .renderedSafely
    ),
    // Paths that try to leave the output folder.
    HostileCase(
        "slug with ../", ["Content/x.md": page("title: x\nslug: ../../evil")],
        .diagnostic("unsafe-slug", file: "Content/x.md", line: 3)),
    HostileCase(
        "slug absolute", ["Content/x.md": page("title: x\nslug: /etc/evil")],
        .diagnostic("unsafe-slug", file: "Content/x.md", line: 3)),
    HostileCase(
        "slug zero-width", ["Content/x.md": page("title: x\nslug: \"a\u{200B}b\"")],
        .diagnostic("unsafe-slug", file: "Content/x.md", line: 3)),
    HostileCase(
        "alias ../", ["Content/x.md": page("title: x\naliases: [../../evil]")],
        .diagnostic("alias-unsafe", file: "Content/x.md", line: 3)),
    HostileCase(
        "alias %2e%2e", ["Content/x.md": page("title: x\naliases: [\"%2e%2e/%2e%2e/evil\"]")],
        .diagnostic("alias-unsafe", file: "Content/x.md", line: 3)),
    HostileCase(
        "alias backslash", ["Content/x.md": page("title: x\naliases: [\"..\\\\..\\\\evil\"]")],
        .diagnostic("alias-unsafe", file: "Content/x.md", line: 3)),
    HostileCase(
        "alias NUL", ["Content/x.md": page("title: x\naliases: [\"a\\0b\"]")],
        .diagnostic("alias-unsafe", file: "Content/x.md", line: 3)),
    HostileCase(
        "alias 300 bytes", ["Content/x.md": page("title: x\naliases: [\(String(repeating: "a", count: 300))]")],
        .diagnostic("alias-unsafe", file: "Content/x.md", line: 3)
    ),
    HostileCase(
        "alias absolute stays inside", ["Content/x.md": page("title: x\naliases: [/etc/passwd, CON]")], .renderedSafely),
    HostileCase(
        "category ../ (a category is any text, its page named like a tag's)",
        ["Content/x.md": page("title: x\ncategory: ../../evil")], .pages(["categories/evil.html"])),
    HostileCase(
        "tags with paths", ["Content/x.md": page("title: x\ntags: [\"../../etc/passwd\", \"/abs\", \"a\\\\b\", CON]")],
        .renderedSafely),
    HostileCase(
        "image outside", ["Content/x.md": page("title: x", "![a](../../../../etc/passwd)\n\n## 解决方法\n\nx\n")],
        .diagnostic("missing-image", file: "Content/x.md", line: 4)
    ),
    // Encodings and invisible characters.
    HostileCase(
        "BOM", ["Content/x.md": "\u{FEFF}" + page("title: x\ncodes: [0x800CCC0X]")],
        .diagnostic("malformed-code", file: "Content/x.md", line: 3)),
    HostileCase(
        "CRLF", ["Content/x.md": page("title: x\ncodes: [0x800CCC0X]").replacingOccurrences(of: "\n", with: "\r\n")],
        .diagnostic("malformed-code", file: "Content/x.md", line: 3)),
    HostileCase(
        "CR only", ["Content/x.md": page("title: x\ncodes: [0x800CCC0X]").replacingOccurrences(of: "\n", with: "\r")],
        .diagnostic("malformed-code", file: "Content/x.md", line: 3)),
    HostileCase(
        "invalid UTF-8", bytes: ["Content/x.md": Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0xC0, 0x0A])],
        .soleError("unreadable-file", file: "Content/x.md", line: 2, saying: "byte 0xFF")),
    HostileCase(
        "a Latin-1 byte on line 11",
        bytes: [
            "Content/x.md": Data(page("title: x", "一\n二\n三\n四\n五\n六\n七\nCaf").utf8) + Data([0xE9])
                + Data(" au lait\n".utf8)
        ],
        .soleError("unreadable-file", file: "Content/x.md", line: 11, column: 4, saying: "Windows-1252"), timeLimit: 5),
    HostileCase(
        "saved as GBK by a Chinese editor",
        bytes: [
            "Content/x.md": Data("---\ntitle: ".utf8) + Data([0xB4, 0xED, 0xCE, 0xF3, 0xB4, 0xFA, 0xC2, 0xEB])
                + Data("\n---\n".utf8)
        ],
        .soleError("unreadable-file", file: "Content/x.md", line: 2, column: 8, saying: "GBK"), timeLimit: 5),
    HostileCase(
        "an overlong UTF-8 form", bytes: ["Content/x.md": Data("---\ntitle: a".utf8) + Data([0xC0, 0xAF, 0x0A])],
        .soleError("unreadable-file", file: "Content/x.md", line: 2, column: 9), timeLimit: 5),
    HostileCase(
        "UTF-16 with BOM",
        bytes: ["Content/x.md": Data([0xFF, 0xFE]) + page("title: UTF16").data(using: .utf16LittleEndian)!],
        .renderedSafely),
    HostileCase(
        "NUL in front matter", ["Content/x.md": page("title: x\u{0}y")],
        .diagnostic("front-matter-invalid", file: "Content/x.md", line: 2)),
    HostileCase("NUL in body", ["Content/x.md": page("title: x", "a\u{0}b\n\n## 解决方法\n\nc\u{0}\n")], .renderedSafely),
    HostileCase(
        "RTL override", ["Content/x.md": page("title: \"\u{202E}gpj.exe\"", "\u{202E}abc\n\n## 解决方法\n\nx\n")],
        .renderedSafely),
    // Swift compares strings canonically, so the NFD twin is written by bytes.
    HostileCase("NFC and NFD twins", ["Content/caf\u{E9}.md": page("title: a")], .warning("duplicate-slug")) { root in
        let nfd = root.path + "/Content/cafe\u{301}.md"
        let created = nfd.withCString { open($0, O_WRONLY | O_CREAT, 0o644) }
        #expect(created >= 0)
        close(created)
        try Data(page("title: b").utf8).write(to: URL(fileURLWithPath: nfd))
    },
    // YAML attacks.
    HostileCase("alias bomb", ["Content/x.md": page("title: x\n" + aliasBomb())], .warning("unknown-key")),
    HostileCase(
        "duplicate keys", ["Content/x.md": page("title: x\ntitle: y")],
        .diagnostic("front-matter-invalid", file: "Content/x.md", line: 3)),
    HostileCase(
        "tab indentation", ["Content/x.md": page("title: x\ncodes:\n\t- 550")],
        .diagnostic("front-matter-invalid", file: "Content/x.md", line: 4)),
    HostileCase(
        "wrong types", ["Content/x.md": page("title: [a, b]")], .diagnostic("wrong-type", file: "Content/x.md", line: 2)
    ),
    HostileCase(
        "5 MB front matter",
        ["Content/x.md": page("title: x\nsummary: \"" + String(repeating: "a", count: 5_000_000) + "\"")],
        .diagnostic("front-matter-too-large", file: "Content/x.md", line: 1)
    ),
    HostileCase("empty file", ["Content/x.md": ""], .diagnostic("front-matter-missing", file: "Content/x.md", line: 1)),
    // Markdown that would take cmark-gfm minutes or gigabytes.
    HostileCase(
        "100,000 nested quotes", ["Content/x.md": page("title: x", String(repeating: ">", count: 100_000) + " deep\n")],
        .diagnostic("markdown-too-deep", file: "Content/x.md", line: 4)
    ),
    HostileCase(
        "100,000 list markers", ["Content/x.md": page("title: x", String(repeating: "- ", count: 100_000) + "deep\n")],
        .diagnostic("markdown-too-deep", file: "Content/x.md", line: 4)
    ),
    HostileCase(
        "pathological emphasis",
        ["Content/x.md": page("title: x", String(repeating: "*a **a ", count: 20_000) + "\n\n## 解决方法\n\nx\n")],
        .renderedSafely
    ),
    HostileCase(
        "10 MB one line", ["Content/x.md": page("title: x", String(repeating: "长", count: 3_500_000))],
        .diagnostic("markdown-too-large", file: "Content/x.md", line: 4)
    ),
    HostileCase(
        "60,000 links",
        [
            "Content/x.md": page(
                "title: x", String(repeating: "[a](https://example.com/x) ", count: 60_000) + "\n\n## 解决方法\n\nx\n")
        ],
        .renderedSafely
    ),
    HostileCase(
        "exploding table",
        [
            "Content/x.md": page(
                "title: x",
                "|" + String(repeating: "a|", count: 150) + "\n|" + String(repeating: "-|", count: 150) + "\n"
                    + String(repeating: "|x\n", count: 3000))
        ],
        .diagnostic("markdown-table-too-large", file: "Content/x.md", line: 4)
    ),
    HostileCase(
        "table at the column limit",
        [
            "Content/x.md": page(
                "title: x",
                "|" + String(repeating: "a|", count: 200) + "\n|" + String(repeating: "-|", count: 200) + "\n"
                    + String(repeating: "|" + String(repeating: "`x` **y**|", count: 200) + "\n", count: 990)
                    + "\n## 解决方法\n\nx\n")
        ],
        .renderedSafely, timeLimit: 10
    ),
    HostileCase(
        "3,000-column table under the cell limit",
        [
            "Content/x.md": page(
                "title: x",
                "|" + String(repeating: "a|", count: 3000) + "\n|" + String(repeating: "-|", count: 3000) + "\n"
                    + String(repeating: "|" + String(repeating: "x|", count: 3000) + "\n", count: 60))
        ],
        .soleError("markdown-table-too-large", file: "Content/x.md", line: 4, saying: "3000 columns"), timeLimit: 5
    ),
    HostileCase(
        "50,000 copies of one heading",
        [
            "Content/x.md": page(
                "title: x\ncodes: [550]", String(repeating: "## 同一个标题\n\n", count: 50_000) + "## 解决方法\n\nx\n")
        ],
        .renderedSafely, timeLimit: 20
    ),
    HostileCase(
        "refused body with a solution section",
        [
            "Content/x.md": page(
                "title: x\ncodes: [550]", String(repeating: "> ", count: 100) + "deep\n\n## 解决方法\n\n处理。\n")
        ],
        .soleError("markdown-too-deep", file: "Content/x.md", line: 5), timeLimit: 5
    ),
    HostileCase(
        "control characters in a file name",
        ["Content/a\nb\u{1B}[31m.md": page("title: x\ncodes: [0x800CCC0X]")],
        .soleError("malformed-code", file: "Content/a\nb\u{1B}[31m.md", line: 3, column: 9), timeLimit: 5
    ),
    HostileCase(
        "upper-case and long Markdown extensions",
        [
            "Content/UPPER.MD": page("title: upper"), "Content/long.markdown": page("title: long"),
            "Content/Mixed.Md": page("title: mixed"),
        ],
        .pages(["articles/upper.html", "articles/long.html", "articles/mixed.html"]), timeLimit: 5
    ),
    // The file system.
    HostileCase("symlink outside", [:], .warning("file-skipped")) { root in
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/Content/passwd.md", withDestinationPath: "/etc/passwd")
    },
    HostileCase("symlink loop", [:], .warning("file-skipped")) { root in
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/Content/loop", withDestinationPath: root.path + "/Content")
    },
    HostileCase("dangling symlink", [:], .warning("file-skipped")) { root in
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/Content/gone.md", withDestinationPath: root.path + "/nowhere.md")
    },
    HostileCase("FIFO", [:], .warning("file-skipped")) { root in
        #expect(mkfifo(root.path + "/Content/pipe.md", 0o644) == 0)
    },
    HostileCase(
        "synonym group of 60,000 words with a repeat",
        [
            "Content/synonyms.yml": "- [" + (0..<60_000).map { "w\($0)" }.joined(separator: ", ") + ", w7]\n"
        ], .warning("repeated-entry")
    ),
    HostileCase(
        "editor junk",
        ["Content/.#x.md": page("title: lock"), "Content/x.md~": page("title: backup"), "Content/.DS_Store": "\0\0"],
        .ignored("lock")
    ),
]

private func aliasBomb() -> String {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<10 {
        yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    return yaml + "bomb: *a9"
}

@Suite struct HostileInputTests {
    @Test(arguments: hostileCases)
    func hostileInput(_ hostile: HostileCase) throws {
        // The site sits alone in a container folder, so a write anywhere outside it is visible.
        let container = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fixbook-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: container) }
        let root = container.appendingPathComponent("site")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Templates"),
            withDestinationURL: repositoryRoot.appendingPathComponent("Templates"))
        try Data(page("title: 正常\ncodes: [550]").utf8).write(to: root.appendingPathComponent("Content/ok.md"))
        for (path, data) in hostile.files {
            try data.write(to: root.appendingPathComponent(path))
        }
        try hostile.setUp?(root)
        let before = try tree(container)

        let started = Date()
        let (report, summary) = try SiteBuilder.build(root: root, options: .init(today: "2026-11-29"))
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < hostile.timeLimit, "took \(elapsed) s; the bound is \(hostile.timeLimit) s")
        // Only the output and what the build keeps beside it (`.Output.manifest`, …) may appear.
        let outside = try tree(container).filter { !$0.hasPrefix("site/Output") && !$0.hasPrefix("site/.Output.") }
        #expect(outside == before, "a file appeared outside the output")

        switch hostile.outcome {
        case .renderedSafely:
            #expect(report.errorCount == 0, "\(report.diagnostics.prefix(5))")
            #expect(summary != nil)
            try assertInert(root.appendingPathComponent("Output"))
        case .diagnostic(let rule, let file, let line):
            let found = report.diagnostics.first { $0.rule.rawValue == rule }
            #expect(found?.location.file == file && found?.location.line == line, "\(report.diagnostics.prefix(5))")
            #expect(summary == nil)
        case .soleError(let rule, let file, let line, let column, let saying):
            let errors = report.diagnostics.filter { $0.severity == .error }
            #expect(errors.count == 1, "\(errors.prefix(5))")
            let found = errors.first
            #expect(found?.rule.rawValue == rule && found?.location.file == file, "\(errors.prefix(5))")
            #expect(found?.location.line == line && found?.location.column == column, "\(errors.prefix(5))")
            #expect(saying.isEmpty || found?.message.contains(saying) == true, "\(found?.message ?? "")")
            #expect(summary == nil)
        case .pages(let paths):
            #expect(report.errorCount == 0, "\(report.diagnostics.prefix(5))")
            for path in paths {
                #expect(
                    FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/" + path).path),
                    "\(path)")
            }
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/files/UPPER.MD").path))
        case .warning(let rule):
            #expect(report.diagnostics.contains { $0.rule.rawValue == rule }, "\(report.diagnostics.prefix(5))")
            if summary != nil { try assertInert(root.appendingPathComponent("Output")) }
        case .ignored(let title):
            #expect(summary != nil)
            let index = try String(contentsOf: root.appendingPathComponent("Output/search-index.json"), encoding: .utf8)
            #expect(!index.contains(title))
        }
    }

    /// No payload survives as live markup: no script element, event handler or script URL that
    /// was not written by the theme.
    private func assertInert(_ output: URL) throws {
        for path in try tree(output) where path.hasSuffix(".html") || path.hasSuffix(".js") || path.hasSuffix(".xml") {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            let needles = [
                "<script>__xss", "<img src=x onerror", "<svg onload", "=\"javascript:", "=javascript:", "=\"vbscript:",
                "=\"data:text/html", "<iframe", "e.com/\"onmouseover",
            ]
            for needle in needles {
                #expect(!text.contains(needle), "\(path) contains \(needle)")
            }
            if path.hasPrefix("assets/search") {
                #expect(!text.contains("</script") && !text.contains("<!--"))
            }
        }
    }

    private func tree(_ root: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.sorted()
    }
}
