import FixbookCore
import FixbookTestSupport
import Foundation
import Testing

/// One example site for a rule: the files, and exactly the diagnostics (rule, file, line) it must give.
struct RuleExample: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    var expected: [String]

    var testDescription: String { name }

    init(_ name: String, _ files: [String: String], _ expected: [String]) {
        self.name = name
        self.files = files
        self.expected = expected
    }
}

/// Cases beyond each rule's own examples in `RuleCatalog` (which `catalogExamples` builds):
/// several rules at once, edge cases, and the regressions they once were.
let ruleExamples: [RuleExample] = [
    // Front matter and types.
    RuleExample("valid article", ["Content/a.md": article("title: t\ntags: [x]\ncodes: [550]")], []),
    // Slugs.
    RuleExample(
        "upper-case letters in a written slug",
        ["Content/a.md": article("title: a\nslug: same"), "Content/b.md": article("title: b\nslug: Same-x")],
        ["unsafe-slug Content/b.md:3"]
    ),
    RuleExample(
        "duplicate slug, case-insensitive (from file names)",
        ["Content/Same.md": article("title: a"), "Content/sub/same.md": article("title: b")],
        ["unsafe-slug Content/Same.md:1", "duplicate-slug Content/sub/same.md:1"]
    ),
    // Codes and solutions.
    RuleExample(
        "empty solution section",
        ["Content/a.md": article("title: a\ncodes: [550]", body: "## 解决方法\n\n## 原因\n\n说明。\n")],
        ["code-without-solution Content/a.md:5"]
    ),
    RuleExample(
        "solution anchor inside",
        [
            "Content/a.md": article(
                "title: a\ncodes:\n  - code: 550\n    solution: 情况一", body: "## 解决方法\n\n### 情况一\n\ny\n")
        ], []
    ),
    RuleExample(
        "misspelt code in plain ASCII text, and words with an x that are no code",
        [
            "Content/a.md": article("title: Outlook error 0X800CCCOD\nsummary: mailbox exceeded, 0x800CCC0D is right"),
            "Content/b.md": article("title: Exchange mailbox 0x full\nsymptoms: [\"inbox ０ｘ８００ＣＣＣＯＤ\"]"),
        ],
        ["malformed-code-in-text Content/a.md:2", "malformed-code-in-text Content/b.md:3"]
    ),
    RuleExample(
        "table that would explode (CVE-2023-37463)",
        [
            "Content/a.md": article(
                "title: a",
                body: "x\n\n|" + String(repeating: "a|", count: 150) + "\n|" + String(repeating: "-|", count: 150)
                    + "\n" + String(repeating: "|x\n", count: 1400))
        ],
        ["markdown-table-too-large Content/a.md:6"]
    ),
    RuleExample(
        "refused body with codes gives only its limit error",
        [
            "Content/a.md": article(
                "title: a\ncodes: [550]",
                body: String(repeating: "> ", count: 100) + "deep\n\n## 解决方法\n\n按步骤处理。\n")
        ],
        ["markdown-too-deep Content/a.md:5"]
    ),
    RuleExample(
        "solution placeholder left by the scaffold",
        [
            "Content/a.md": article(
                "title: a\ncodes: [550]",
                body: "## 解决方法\n\n<!-- fixbook:placeholder: write the fix -->\n1. 第一步。\n\n### 情况一\n\n写好了。\n")
        ],
        ["solution-placeholder Content/a.md:7"]
    ),
    RuleExample(
        "placeholder alone in a solution section",
        [
            "Content/a.md": article(
                "title: a", body: "## Solution\n\n<!-- fixbook:placeholder -->\n")
        ],
        ["solution-placeholder Content/a.md:6"]
    ),
    RuleExample(
        "placeholder outside the solution is not this rule's business",
        [
            "Content/a.md": article(
                "title: a\ncodes: [550]", body: "## 原因\n\n<!-- fixbook:placeholder -->\n\n## 解决方法\n\n写好了。\n")
        ], []
    ),
    RuleExample(
        "configured limits",
        ["fixbook.yml": "limits:\n  maxNesting: 3\n", "Content/a.md": article("title: a", body: "> > > > x\n")],
        ["markdown-too-deep Content/a.md:4"]
    ),
    // Catalog.
    RuleExample(
        "catalog coverage",
        [
            "Content/codes.yml": "- code: 550\n- code: 0x800CCC0F\n",
            "Content/a.md": article("title: a\ncodes: [550, 552]"),
        ],
        ["catalog-code-uncovered Content/codes.yml:2", "code-not-in-catalog Content/a.md:3"]
    ),
    RuleExample(
        "ambiguous code",
        [
            "Content/a.md": article("title: a\ncodes: [550]"),
            "Content/b.md": article("title: b\ncodes:\n  - code: 550\n    message: Invalid User"),
        ],
        ["ambiguous-code Content/a.md:3"]
    ),
    // Links.
    RuleExample(
        "broken links and anchors",
        [
            "Content/a.md": article(
                "title: a", body: "[x](missing.md) [y](b.md#nope) [z](#here) ![i](p.png)\n\n## 解决方法\n\nok\n"),
            "Content/b.md": article("title: b"),
        ],
        [
            "broken-anchor Content/a.md:4", "broken-anchor Content/a.md:4", "broken-link Content/a.md:4",
            "missing-image Content/a.md:4",
        ]
    ),
    RuleExample(
        "good links",
        [
            "Content/a.md": article("title: a", body: "[y](sub/b.md#解决方法) [z](#解决方法) ![i](p.png)\n\n## 解决方法\n\nok\n"),
            "Content/sub/b.md": article("title: b"), "Content/p.png": "png",
        ], []
    ),
    // Related, aliases, categories.
    RuleExample(
        "alias unsafe and colliding",
        [
            "Content/a.md": article("title: a\naliases: [../../x, old/page]"),
            "Content/b.md": article("title: b\naliases: [old/page.html, articles/a.html]"),
        ],
        ["alias-unsafe Content/a.md:3", "alias-collision Content/b.md:3", "alias-collision Content/b.md:3"]
    ),
    RuleExample(
        "search test names nothing",
        [
            "Content/search-tests.yml": "- query: x\n  expect: ghost\n- query: a\n  expect: a\n",
            "Content/a.md": article("title: a"),
        ],
        ["search-test-failed Content/search-tests.yml:1"]
    ),

]

@Suite struct ValidationRuleTests {
    @Test(arguments: ruleExamples)
    func example(_ example: RuleExample) throws {
        let site = try TemporarySite(example.files, withTemplates: false)
        defer { site.remove() }
        let report = try SiteBuilder.check(root: site.root, options: .init(today: "2026-11-29"))
        let found = report.diagnostics.map { "\($0.rule) \($0.location.file):\($0.location.line)" }
        #expect(found.sorted() == example.expected.sorted(), "\(report.diagnostics)")
    }

    /// Every rule's declared examples, built for real: the triggering one gives exactly its
    /// diagnostics (of this rule), the passing one none at all.
    @Test(arguments: RuleID.allCases)
    func catalogExamples(_ id: RuleID) throws {
        let rule = RuleCatalog.describe(id)
        #expect(!rule.triggering.expected.isEmpty)
        #expect(rule.triggering.expected.allSatisfy { $0.hasPrefix(id.rawValue + " ") })
        for (example, expected) in [(rule.triggering, rule.triggering.expected), (rule.passing, [])] {
            let site = try TemporarySite(example.files, withTemplates: false)
            defer { site.remove() }
            for (path, bytes) in example.bytes {
                let url = site.root.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            for (path, destination) in example.links {
                try FileManager.default.createSymbolicLink(
                    atPath: site.root.appendingPathComponent(path).path, withDestinationPath: destination)
            }
            let report = try SiteBuilder.check(root: site.root, options: .init(today: "2026-11-29"))
            let found = report.diagnostics.map { "\($0.rule) \($0.location.file):\($0.location.line)" }
            #expect(found.sorted() == expected.sorted(), "\(id): \(report.diagnostics)")
            #expect(report.diagnostics.allSatisfy { $0.severity == rule.severity })
        }
    }

    /// The README's rule table lists exactly the declared rules, each with its severity.
    @Test func readmeRuleTableMatchesTheCatalog() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "| rule id | severity |") else {
            Issue.record("no rule table")
            return
        }
        var documented: [String: String] = [:]
        for line in readme[start.upperBound...].split(separator: "\n").dropFirst(2) {
            guard line.hasPrefix("| `") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            for id in cells[0].split(separator: ",") {
                documented[id.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"])] = cells[1]
            }
        }
        let declared = Dictionary(uniqueKeysWithValues: RuleCatalog.all.map { ($0.id.rawValue, $0.severity.rawValue) })
        #expect(documented == declared)
    }

    /// Every rule that runs over the site declares only catalogued ids, and together they and the
    /// loading stages emit every id (no declaration is dead).
    @Test func everyValidationRuleEmitsDeclaredIds() {
        let emitted = Set(Validator.rules.flatMap { type(of: $0).emits })
        #expect(!emitted.isEmpty && emitted.isSubset(of: Set(RuleID.allCases)))
    }

    @Test func thirtyBrokenFilesAreAllReported() throws {
        var files: [String: String] = [:]
        for index in 0..<30 {
            files["Content/broken-\(index).md"] = article("title: t\(index)\ncodes: [0x800CC\(index)]")
        }
        let site = try TemporarySite(files, withTemplates: false)
        defer { site.remove() }
        let report = try SiteBuilder.check(root: site.root)
        #expect(
            Set(report.diagnostics.filter { $0.rule.rawValue == "malformed-code" }.map(\.location.file)).count == 30)
    }
}
