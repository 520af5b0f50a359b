/// A small knowledge base that shows a rule at work: the files, and the diagnostics it gives as
/// `rule file:line` (none for a passing example). The tests build every example for real;
/// `fixbook check --explain RULE` prints them.
public struct RuleExample: Sendable {
    /// Text files by path relative to the site root.
    public var files: [String: String]
    /// Files that are not UTF-8 text, as bytes.
    public var bytes: [String: [UInt8]]
    /// Symbolic links to make: path → destination.
    public var links: [String: String]
    public var expected: [String]

    public init(
        _ files: [String: String], bytes: [String: [UInt8]] = [:], links: [String: String] = [:],
        expected: [String] = []
    ) {
        self.files = files
        self.bytes = bytes
        self.links = links
        self.expected = expected
    }
}

/// One rule's declaration: its default severity, what it means, and an example that triggers
/// it next to one that does not.
public struct RuleDescription: Sendable {
    public var id: RuleID
    public var severity: Severity
    /// One line: what the rule guards.
    public var summary: String
    public var triggering: RuleExample
    public var passing: RuleExample
}

/// Every rule, declared once. The README's rule table is checked against this list by a test.
public enum RuleCatalog {
    public static var all: [RuleDescription] { RuleID.allCases.map(describe) }

    /// The rule with this id, as `check --explain` looks it up.
    public static func rule(named id: String) -> RuleDescription? { RuleID(rawValue: id).map(describe) }

    public static func describe(_ id: RuleID) -> RuleDescription {
        func rule(
            _ severity: Severity, _ summary: String, triggering: RuleExample,
            passing: RuleExample = RuleExample(
                ["Content/a.md": article("title: t")])
        ) -> RuleDescription {
            RuleDescription(id: id, severity: severity, summary: summary, triggering: triggering, passing: passing)
        }
        switch id {
        case .unreadableFile:
            return rule(
                .error, "a content file is not UTF-8 (or UTF-16 with a byte-order mark) text",
                triggering: RuleExample(
                    [:], bytes: ["Content/a.md": Array("---\ntitle: caf".utf8) + [0xE9] + Array("\n---\n".utf8)],
                    expected: ["unreadable-file Content/a.md:2"]),
                passing: RuleExample(["Content/a.md": article("title: café")]))
        case .fileSkipped:
            return rule(
                .warning,
                "a symbolic link leads outside the content folder, into a loop or nowhere, or a file is not a regular one",
                triggering: RuleExample(
                    ["Content/a.md": article("title: t")], links: ["Content/passwd.md": "/etc/passwd"],
                    expected: ["file-skipped Content/passwd.md:1"]),
                passing: RuleExample(["Content/a.md": article("title: t")], links: ["Content/b.md": "a.md"]))
        case .frontMatterMissing:
            return rule(
                .error, "an article must start with YAML front matter between '---' lines",
                triggering: RuleExample(["Content/a.md": "# hi\n"], expected: ["front-matter-missing Content/a.md:1"]))
        case .frontMatterUnterminated:
            return rule(
                .error, "the front matter's closing '---' line is missing",
                triggering: RuleExample(
                    ["Content/a.md": "---\ntitle: x\n"], expected: ["front-matter-unterminated Content/a.md:1"]))
        case .frontMatterInvalid:
            return rule(
                .error, "the front matter is not valid YAML",
                triggering: RuleExample(
                    ["Content/a.md": "---\ntitle: x\nsummary: [oops\n---\n"],
                    expected: ["front-matter-invalid Content/a.md:3"]))
        case .frontMatterEmpty:
            return rule(
                .error, "the front matter holds nothing; an article needs at least a title",
                triggering: RuleExample(
                    ["Content/a.md": "---\n---\n正文\n"], expected: ["front-matter-empty Content/a.md:1"]))
        case .frontMatterTooLarge:
            return rule(
                .error, "front matter over 256 KB is refused before YAML parses it",
                triggering: RuleExample(
                    ["Content/a.md": article("title: t\nsummary: " + String(repeating: "x", count: 270_000))],
                    expected: ["front-matter-too-large Content/a.md:1"]))
        case .wrongType:
            return rule(
                .error, "a front-matter or configuration value has the wrong type",
                triggering: RuleExample(
                    ["Content/a.md": article("title: t\norder: soon")], expected: ["wrong-type Content/a.md:3"]),
                passing: RuleExample(["Content/a.md": article("title: t\norder: 2")]))
        case .unknownKey:
            return rule(
                .warning, "a key Fixbook does not know, often a misspelling (`tag:` for `tags:`)",
                triggering: RuleExample(
                    ["Content/a.md": article("title: t\ntag: [x]")], expected: ["unknown-key Content/a.md:3"]),
                passing: RuleExample(["Content/a.md": article("title: t\ntags: [x]")]))
        case .repeatedEntry:
            return rule(
                .warning,
                "a symptom or a tag listed twice, which the page would show twice, or a word listed twice in one synonym group (the repeat is left out)",
                triggering: RuleExample(
                    ["Content/a.md": article("title: t\nsymptoms:\n  - Mail is slow\n  - Mail is slow")],
                    expected: ["repeated-entry Content/a.md:5"]),
                passing: RuleExample([
                    "Content/a.md": article("title: t\nsymptoms:\n  - Mail is slow\n  - Mail is late")
                ]))
        case .titleMissing:
            return rule(
                .error, "every article needs a title",
                triggering: RuleExample(
                    ["Content/a.md": "---\nsummary: s\n---\n"], expected: ["title-missing Content/a.md:1"]))
        case .markdownTooLarge:
            return rule(
                .error, "a body over `limits.maxArticleBytes` is refused before libcmark-gfm parses it",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a", body: String(repeating: "长文本 ", count: 300_000))],
                    expected: ["markdown-too-large Content/a.md:4"]))
        case .markdownTooDeep:
            return rule(
                .error, "quotes or lists nested deeper than `limits.maxNesting` are refused",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a", body: String(repeating: "> ", count: 100) + "deep\n")],
                    expected: ["markdown-too-deep Content/a.md:4"]),
                passing: RuleExample(["Content/a.md": article("title: a", body: "> > quoted\n\n## 解决方法\n\nx\n")]))
        case .markdownTableTooLarge:
            return rule(
                .error, "a table wider than `limits.maxTableColumns` or larger than `limits.maxTableCells` is refused",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a", body: table(columns: 201))],
                    expected: ["markdown-table-too-large Content/a.md:4"]),
                passing: RuleExample(["Content/a.md": article("title: a", body: table(columns: 200))]))
        case .unsafeSlug:
            return rule(
                .error, "a slug names a page: only a-z, 0-9 and '-', never a path",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a\nslug: ../../etc")], expected: ["unsafe-slug Content/a.md:3"]),
                passing: RuleExample(["Content/a.md": article("title: a\nslug: outlook-0x800ccc0f")]))
        case .duplicateSlug:
            return rule(
                .error, "two articles would write the same page",
                triggering: RuleExample(
                    [
                        "Content/a.md": article("title: a\nslug: same"),
                        "Content/b.md": article("title: b\nslug: same"),
                    ], expected: ["duplicate-slug Content/b.md:3"]),
                passing: RuleExample(
                    [
                        "Content/a.md": article("title: a\nslug: same"),
                        "Content/b.md": article("title: b\nslug: other"),
                    ]))
        case .malformedCode:
            return rule(
                .error, "a code in `codes:` is misspelt (a letter O for a zero, a missing digit)",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a\ncodes:\n  - 0x800CCCOF")],
                    expected: ["malformed-code Content/a.md:4"]),
                passing: RuleExample(["Content/a.md": article("title: a\ncodes:\n  - 0x800CCC0F")]))
        case .unknownCodeSystem:
            return rule(
                .error, "a code's `system:` is not one Fixbook knows",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a\ncodes:\n  - code: 550\n    system: smpt")],
                    expected: ["unknown-code-system Content/a.md:5"]),
                passing: RuleExample(["Content/a.md": article("title: a\ncodes:\n  - code: 550\n    system: smtp")]))
        case .malformedCodeInText:
            return rule(
                .warning, "a title, summary or symptom mentions a misspelt code",
                triggering: RuleExample(
                    ["Content/a.md": article("title: 报错 0x800CCCOD\nsummary: 0x800CCC0D 正常")],
                    expected: ["malformed-code-in-text Content/a.md:2"]),
                passing: RuleExample(["Content/a.md": article("title: 报错 0x800CCC0D")]))
        case .codeWithoutSolution:
            return rule(
                .error, "an article that claims codes must have a non-empty solution section",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a\ncodes: [550]", body: "## 原因\n\n说明。\n")],
                    expected: ["code-without-solution Content/a.md:3"]),
                passing: RuleExample(["Content/a.md": article("title: a\ncodes: [550]")]))
        case .solutionPlaceholder:
            return rule(
                .error, "a solution section still holds the placeholder `fixbook new` wrote",
                triggering: RuleExample(
                    [
                        "Content/a.md": article(
                            "title: a\ncodes: [550]",
                            body: "## 解决方法\n\n<!-- fixbook:placeholder: write the fix -->\n1. 第一步。\n")
                    ], expected: ["solution-placeholder Content/a.md:7"]),
                passing: RuleExample(["Content/a.md": article("title: a\ncodes: [550]")]))
        case .solutionAnchorMissing:
            return rule(
                .error, "a code's `solution:` names no heading of the article",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a\ncodes:\n  - code: 550\n    solution: nowhere")],
                    expected: ["solution-anchor-missing Content/a.md:4"]),
                passing: RuleExample(["Content/a.md": article("title: a\ncodes:\n  - code: 550\n    solution: 解决方法")]))
        case .solutionAnchorOutside:
            return rule(
                .error, "a code's `solution:` names a heading outside every solution section",
                triggering: RuleExample(
                    [
                        "Content/a.md": article(
                            "title: a\ncodes:\n  - code: 550\n    solution: 原因", body: "## 原因\n\nx\n\n## 解决方法\n\ny\n")
                    ], expected: ["solution-anchor-outside Content/a.md:4"]),
                passing: RuleExample(
                    [
                        "Content/a.md": article(
                            "title: a\ncodes:\n  - code: 550\n    solution: 情况一", body: "## 解决方法\n\n### 情况一\n\ny\n")
                    ]))
        case .catalogCodeUncovered:
            return rule(
                .error, "a code of `codes.yml` (what the product emits) has no article",
                triggering: RuleExample(
                    [
                        "Content/codes.yml": "- code: 550\n- code: 0x800CCC0F\n",
                        "Content/a.md": article("title: a\ncodes: [550]"),
                    ], expected: ["catalog-code-uncovered Content/codes.yml:2"]),
                passing: RuleExample(
                    ["Content/codes.yml": "- code: 550\n", "Content/a.md": article("title: a\ncodes: [550]")]))
        case .codeNotInCatalog:
            return rule(
                .warning, "an article claims a code that `codes.yml` does not list",
                triggering: RuleExample(
                    ["Content/codes.yml": "- code: 550\n", "Content/a.md": article("title: a\ncodes: [550, 552]")],
                    expected: ["code-not-in-catalog Content/a.md:3"]),
                passing: RuleExample(
                    ["Content/codes.yml": "- code: 550\n", "Content/a.md": article("title: a\ncodes: [550]")]))
        case .ambiguousCode:
            return rule(
                .warning, "several articles claim a code and this one does not say which use it covers",
                triggering: RuleExample(
                    [
                        "Content/a.md": article("title: a\ncodes: [550]"),
                        "Content/b.md": article("title: b\ncodes:\n  - code: 550\n    message: Invalid User"),
                    ], expected: ["ambiguous-code Content/a.md:3"]),
                passing: RuleExample(
                    [
                        "Content/a.md": article("title: a\ncodes:\n  - code: 550\n    message: Relaying denied"),
                        "Content/b.md": article("title: b\ncodes:\n  - code: 550\n    message: Invalid User"),
                    ]))
        case .brokenLink:
            return rule(
                .error, "a link to another article leads to no article",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a", body: "[x](missing.md)\n\n## 解决方法\n\nok\n")],
                    expected: ["broken-link Content/a.md:4"]),
                passing: RuleExample(
                    [
                        "Content/a.md": article("title: a", body: "[x](sub/b.md)\n\n## 解决方法\n\nok\n"),
                        "Content/sub/b.md": article("title: b"),
                    ]))
        case .brokenAnchor:
            return rule(
                .error, "a link names a heading that its article does not have",
                triggering: RuleExample(
                    [
                        "Content/a.md": article("title: a", body: "[y](b.md#nope)\n\n## 解决方法\n\nok\n"),
                        "Content/b.md": article("title: b"),
                    ], expected: ["broken-anchor Content/a.md:4"]),
                passing: RuleExample(
                    [
                        "Content/a.md": article("title: a", body: "[y](b.md#解决方法) [z](#解决方法)\n\n## 解决方法\n\nok\n"),
                        "Content/b.md": article("title: b"),
                    ]))
        case .missingImage:
            return rule(
                .error, "an image or file the article shows does not exist",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a", body: "![i](p.png)\n\n## 解决方法\n\nok\n")],
                    expected: ["missing-image Content/a.md:4"]),
                passing: RuleExample(
                    [
                        "Content/a.md": article("title: a", body: "![i](p.png)\n\n## 解决方法\n\nok\n"),
                        "Content/p.png": "png",
                    ]))
        case .rootAbsoluteLink:
            return rule(
                .warning, "a link starting with '/' breaks when the site is opened from a folder",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a", body: "[x](/x)\n\n## 解决方法\n\nok\n")],
                    expected: ["root-absolute-link Content/a.md:4"]),
                passing: RuleExample(
                    ["Content/a.md": article("title: a", body: "[x](https://example.com/x)\n\n## 解决方法\n\nok\n")]))
        case .relatedUnknown:
            return rule(
                .error, "a `related:` slug names no article",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a\nrelated: [ghost]")],
                    expected: ["related-unknown Content/a.md:3"]),
                passing: RuleExample(
                    ["Content/a.md": article("title: a\nrelated: [b]"), "Content/b.md": article("title: b")]))
        case .aliasUnsafe:
            return rule(
                .error, "an alias must be a relative path inside the output, without '..'",
                triggering: RuleExample(
                    ["Content/a.md": article("title: a\naliases: [../../x]")], expected: ["alias-unsafe Content/a.md:3"]
                ),
                passing: RuleExample(["Content/a.md": article("title: a\naliases: [old/page]")]))
        case .aliasCollision:
            return rule(
                .error, "an alias would overwrite a page or another article's alias",
                triggering: RuleExample(
                    [
                        "Content/a.md": article("title: a\naliases: [old/page]"),
                        "Content/b.md": article("title: b\naliases: [old/page.html]"),
                    ], expected: ["alias-collision Content/b.md:3"]),
                passing: RuleExample(
                    [
                        "Content/a.md": article("title: a\naliases: [old/a]"),
                        "Content/b.md": article("title: b\naliases: [old/b]"),
                    ]))
        case .unknownCategory:
            return rule(
                .error, "with a `categories.yml`, an article's category must be one of its keys",
                triggering: RuleExample(
                    ["Content/categories.yml": "mail: Mail\n", "Content/a.md": article("title: a\ncategory: web")],
                    expected: ["unknown-category Content/a.md:3"]),
                passing: RuleExample(
                    ["Content/categories.yml": "mail: Mail\n", "Content/a.md": article("title: a\ncategory: mail")]))
        case .staleArticle:
            return rule(
                .warning, "with `staleAfterDays`, an article's `updated` date is older than that",
                triggering: RuleExample(
                    ["fixbook.yml": "staleAfterDays: 30\n", "Content/a.md": article("title: a\nupdated: 2026-01-01")],
                    expected: ["stale-article Content/a.md:3"]),
                passing: RuleExample(
                    ["fixbook.yml": "staleAfterDays: 30\n", "Content/a.md": article("title: a\nupdated: 2026-11-20")]))
        case .searchTestFailed:
            return rule(
                .error, "a query of `search-tests.yml` does not find its expected article in its top results",
                triggering: RuleExample(
                    [
                        "Content/search-tests.yml": "- query: 超时\n  expect: b\n",
                        "Content/a.md": article("title: 连接超时"), "Content/b.md": article("title: 乱码"),
                    ], expected: ["search-test-failed Content/search-tests.yml:1"]),
                passing: RuleExample(
                    [
                        "Content/search-tests.yml": "- query: 超时\n  expect: a\n",
                        "Content/a.md": article("title: 连接超时"), "Content/b.md": article("title: 乱码"),
                    ]))
        case .translationMissing:
            return rule(
                .warning,
                "in a help center in several languages, an article with codes has no translation in one of them",
                triggering: RuleExample(
                    [
                        "fixbook.yml": "languages: [zh-CN, en]\n",
                        "Content/zh-CN/a.md": article("title: 退信\ncodes: [\"550\"]"),
                        "Content/en/b.md": article("title: Other", body: "Text.\n\n## Solution\n\nDo it.\n"),
                    ], expected: ["translation-missing Content/zh-CN/a.md:3"]),
                passing: RuleExample([
                    "fixbook.yml": "languages: [zh-CN, en]\n",
                    "Content/zh-CN/a.md": article("title: 退信\ncodes: [\"550\"]"),
                    "Content/en/a.md": article(
                        "title: Bounce\ncodes: [\"550\"]", body: "Text.\n\n## Solution\n\nDo it.\n"),
                ]))
        case .translationCodesDiffer:
            return rule(
                .warning, "an article and its translation claim different error codes",
                triggering: RuleExample(
                    [
                        "fixbook.yml": "languages: [zh-CN, en]\n",
                        "Content/zh-CN/a.md": article("title: 退信\ncodes: [\"550\", \"554\"]"),
                        "Content/en/a.md": article(
                            "title: Bounce\ncodes: [\"550\"]", body: "Text.\n\n## Solution\n\nDo it.\n"),
                    ], expected: ["translation-codes-differ Content/en/a.md:3"]),
                passing: RuleExample([
                    "fixbook.yml": "languages: [zh-CN, en]\n",
                    "Content/zh-CN/a.md": article("title: 退信\ncodes: [\"550\", \"554\"]"),
                    "Content/en/a.md": article(
                        "title: Bounce\ncodes: [\"550\", \"554\"]", body: "Text.\n\n## Solution\n\nDo it.\n"),
                ]))
        case .configInvalid:
            return rule(
                .error, "`fixbook.yml` is not valid YAML or holds a value Fixbook cannot use",
                triggering: RuleExample(
                    ["fixbook.yml": "title: [oops\n", "Content/a.md": article("title: t")],
                    expected: ["config-invalid fixbook.yml:1"]),
                passing: RuleExample(["fixbook.yml": "title: Help\n", "Content/a.md": article("title: t")]))
        case .categoriesInvalid:
            return rule(
                .error, "`categories.yml` is not valid YAML",
                triggering: RuleExample(
                    ["Content/categories.yml": "mail: [oops\n", "Content/a.md": article("title: t")],
                    expected: ["categories-invalid Content/categories.yml:1"]),
                passing: RuleExample(["Content/categories.yml": "mail: Mail\n", "Content/a.md": article("title: t")]))
        case .catalogInvalid:
            return rule(
                .error, "`codes.yml` is not valid YAML",
                triggering: RuleExample(
                    ["Content/codes.yml": "- code: [oops\n", "Content/a.md": article("title: t")],
                    expected: ["catalog-invalid Content/codes.yml:1"]),
                passing: RuleExample(
                    ["Content/codes.yml": "- code: 550\n", "Content/a.md": article("title: t\ncodes: [550]")]))
        case .synonymsInvalid:
            return rule(
                .error, "`synonyms.yml` is not valid YAML",
                triggering: RuleExample(
                    ["Content/synonyms.yml": "- [a, b\n", "Content/a.md": article("title: t")],
                    expected: ["synonyms-invalid Content/synonyms.yml:1"]),
                passing: RuleExample(["Content/synonyms.yml": "- [收信, 接收]\n", "Content/a.md": article("title: t")]))
        case .searchTestsInvalid:
            return rule(
                .error, "`search-tests.yml` is not valid YAML",
                triggering: RuleExample(
                    ["Content/search-tests.yml": "- query: [x\n", "Content/a.md": article("title: t")],
                    expected: ["search-tests-invalid Content/search-tests.yml:1"]),
                passing: RuleExample(
                    ["Content/search-tests.yml": "- query: t\n  expect: a\n", "Content/a.md": article("title: t")]))
        }
    }

    /// An article file: front matter, then a body that has a solution section.
    static func article(_ frontMatter: String, body: String = "正文。\n\n## 解决方法\n\n按步骤处理。\n") -> String {
        "---\n\(frontMatter)\n---\n\(body)"
    }

    /// A table of `columns` columns and one row, then a solution section.
    static func table(columns: Int) -> String {
        "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns)
            + "\n|x|\n\n## 解决方法\n\n按步骤处理。\n"
    }
}
