/// The site configuration from `fixbook.yml` (SPEC §3); every key is optional.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Help Center"
    public var description = ""
    /// BCP 47 tag; drives UI strings and the `lang` attribute.
    public var language = "en"
    /// The languages of a help center in several, the default first (`languages: [zh-CN, en]`);
    /// empty for a site in `language` only, whose content is the content folder itself.
    public var languages: [SiteLanguage] = []
    /// Only for absolute URLs in `sitemap.xml` and `feed.xml`; pages link relatively.
    public var baseURL: String?
    public var content = "Content"
    public var templates = "Templates"
    public var output = "Output"
    /// Support contact shown on pages.
    public var support = "support@example.com"
    /// What a customer's "still stuck" message should tell support (`support: {checklist: …}`);
    /// nil for the interface language's default list.
    public var supportChecklist: [String]?
    /// Where the "did this solve your problem?" answers go (`feedback: {url: …}`), an http(s)
    /// address; nil: "no" opens a prefilled message to support instead.
    public var feedbackURL: String?
    /// Heading texts that open a solution section.
    public var solutionHeadings = ["解决方法", "解决办法", "处理方法", "Solution", "Resolution", "Fix", "Workaround"]
    /// Render raw HTML written in Markdown (off: it is omitted).
    public var unsafe = false
    /// Warn about articles whose `updated` is older than this many days (off when nil).
    public var staleAfterDays: Int?
    /// What a body may be before it reaches cmark-gfm (`limits:` with `maxArticleBytes`,
    /// `maxTableCells`, `maxTableColumns`, `maxNesting`).
    public var limits = MarkdownLimits()
    /// The team's level for each rule it changed (`rules:`); the others keep their own.
    public var rules: [RuleID: RuleLevel] = [:]
    /// Front-matter keys that are not warned about, `*` matching any run (`ms.*`).
    public var ignoreKeys: [String] = []
    /// Foreign front-matter keys read as Fixbook's (`description: summary`).
    public var keyAliases: [String: String] = [:]

    public init() {}

    static let knownKeys: Set<String> = [
        "title", "description", "language", "baseURL", "content", "templates", "output",
        "support", "solutionHeadings", "unsafe", "staleAfterDays", "limits", "rules", "ignoreKeys", "keyAliases",
        "feedback", "languages",
    ]

    /// Reads `fixbook.yml` text; problems are diagnostics against `path`.
    public static func decode(_ yaml: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var reader = YAMLReader(file: path, lineOffset: 0)
        guard let root = reader.compose(yaml, rule: .configInvalid) else { return (config, reader.diagnostics) }
        guard let pairs = reader.mappingPairs(root, what: "fixbook.yml") else { return (config, reader.diagnostics) }
        for (key, keyLine, value) in pairs {
            switch key {
            case "title": config.title = reader.string(value, key: key) ?? config.title
            case "description": config.description = reader.string(value, key: key) ?? ""
            case "language": config.language = reader.string(value, key: key) ?? config.language
            case "baseURL": config.baseURL = reader.string(value, key: key)
            case "content": config.content = reader.string(value, key: key) ?? config.content
            case "templates": config.templates = reader.string(value, key: key) ?? config.templates
            case "output": config.output = reader.string(value, key: key) ?? config.output
            case "support":
                guard case .mapping = value.node else {
                    config.support = reader.string(value, key: key) ?? config.support
                    continue
                }
                for (name, nameLine, field) in reader.mappingPairs(value.node, what: "support") ?? [] {
                    switch name {
                    case "email": config.support = reader.string(field, key: name) ?? config.support
                    case "checklist": config.supportChecklist = reader.stringList(field, key: name).map(\.text)
                    default:
                        reader.report(
                            .unknownKey, line: nameLine, column: 1,
                            "unknown key '\(name)' in support; use email, checklist",
                            severity: .warning)
                    }
                }
            case "feedback":
                for (name, nameLine, field) in reader.mappingPairs(value.node, what: "feedback") ?? [] {
                    guard name == "url" else {
                        reader.report(
                            .unknownKey, line: nameLine, column: 1, "unknown key '\(name)' in feedback; use url",
                            severity: .warning)
                        continue
                    }
                    guard let url = reader.string(field, key: name) else { continue }
                    let lower = url.lowercased()
                    guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
                        !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
                    else {
                        reader.report(
                            .configInvalid, line: field.line, column: field.column,
                            "feedback url must be an http:// or https:// address without spaces or quotes, not '\(url)'"
                        )
                        continue
                    }
                    config.feedbackURL = url
                }
            case "languages": config.languages = decodeLanguages(value, reader: &reader)
            case "unsafe": config.unsafe = reader.bool(value, key: key) ?? false
            case "staleAfterDays": config.staleAfterDays = reader.int(value, key: key)
            case "limits":
                guard let fields = reader.mappingPairs(value.node, what: "limits") else { continue }
                for (name, nameLine, limit) in fields {
                    guard let number = reader.int(limit, key: name), number > 0 else { continue }
                    switch name {
                    case "maxArticleBytes": config.limits.maxBytes = number
                    case "maxTableCells": config.limits.maxTableCells = number
                    case "maxTableColumns": config.limits.maxTableColumns = number
                    case "maxNesting": config.limits.maxNesting = number
                    default:
                        reader.report(
                            .unknownKey, line: nameLine, column: 1,
                            "unknown limit '\(name)'; use maxArticleBytes, maxTableCells, maxTableColumns, maxNesting",
                            severity: .warning
                        )
                    }
                }
            case "rules": config.rules = decodeRules(value, reader: &reader)
            case "ignoreKeys": config.ignoreKeys = reader.stringList(value, key: key).map(\.text)
            case "keyAliases":
                guard let fields = reader.mappingPairs(value.node, what: "keyAliases") else { continue }
                for (foreign, line, target) in fields {
                    guard let name = reader.string(target, key: foreign) else { continue }
                    guard ArticleMetadata.knownKeys.contains(name) else {
                        reader.report(
                            .configInvalid, line: line, column: 1,
                            "keyAliases: '\(foreign)' is read as '\(name)', which is not a front-matter key of Fixbook ("
                                + ArticleMetadata.knownKeys.sorted().joined(separator: ", ") + ")")
                        continue
                    }
                    config.keyAliases[foreign] = name
                }
            case "solutionHeadings":
                let headings = reader.stringList(value, key: key).map(\.text)
                if !headings.isEmpty { config.solutionHeadings = headings }
            default:
                reader.report(
                    .unknownKey, line: keyLine, column: 1, "unknown key '\(key)' in fixbook.yml", severity: .warning)
            }
        }
        return (config, reader.diagnostics)
    }

    /// `languages:`: tags (`[zh-CN, en]`), or mappings giving a language's `tag`, the `name` its
    /// switcher shows and the site's `title` and `description` in it. A malformed or repeated
    /// tag is a `config-invalid` error: it names a folder and goes into every page.
    private static func decodeLanguages(_ value: LocatedNode, reader: inout YAMLReader) -> [SiteLanguage] {
        guard case .sequence(let items) = value.node else {
            reader.report(
                .wrongType, at: value, "'languages' must be a list of language tags, e.g. languages: [zh-CN, en]")
            return []
        }
        var languages: [SiteLanguage] = []
        for item in items {
            let here = reader.locate(item)
            var language: SiteLanguage?
            if case .mapping = item {
                var fields: [String: String] = [:]
                for (name, nameLine, field) in reader.mappingPairs(item, what: "a language") ?? [] {
                    guard ["tag", "name", "title", "description"].contains(name) else {
                        reader.report(
                            .unknownKey, line: nameLine, column: 1,
                            "unknown key '\(name)' in a language; use tag, name, title, description", severity: .warning
                        )
                        continue
                    }
                    fields[name] = reader.string(field, key: name)
                }
                guard let tag = fields["tag"] else {
                    reader.report(.configInvalid, at: here, "a language given as a mapping needs its tag (tag: en)")
                    continue
                }
                language = SiteLanguage(
                    tag: tag, name: fields["name"], title: fields["title"], description: fields["description"])
            } else if let tag = reader.string(here, key: "languages item") {
                language = SiteLanguage(tag: tag)
            }
            guard let language else { continue }
            guard SiteLanguage.isValidTag(language.tag) else {
                reader.report(
                    .configInvalid, at: here,
                    "'\(language.tag)' is not a language tag; use a BCP 47 tag such as en, zh-CN or pt-BR")
                continue
            }
            guard !languages.contains(where: { $0.folder == language.folder }) else {
                reader.report(.configInvalid, at: here, "the language \(language.tag) is listed twice")
                continue
            }
            languages.append(language)
        }
        return languages
    }

    /// `rules:`: rule id → `error`, `warning` or `off`. An unknown id, an unknown level and a
    /// rule that cannot be lowered are `config-invalid` errors at their line.
    private static func decodeRules(_ value: LocatedNode, reader: inout YAMLReader) -> [RuleID: RuleLevel] {
        var levels: [RuleID: RuleLevel] = [:]
        guard let fields = reader.mappingPairs(value.node, what: "rules") else { return levels }
        for (name, line, setting) in fields {
            guard let id = RuleID(rawValue: name) else {
                let near = RuleID.allCases.map(\.rawValue).min {
                    EditDistance.between($0, name) < EditDistance.between($1, name)
                }
                reader.report(
                    .configInvalid, line: line, column: 1,
                    "rules: there is no rule '\(name)'" + (near.map { "; did you mean '\($0)'?" } ?? "")
                        + " (fixbook check --explain RULE describes one)")
                continue
            }
            guard let text = reader.string(setting, key: name) else { continue }
            guard let level = RuleLevel(rawValue: text.lowercased()) else {
                reader.report(
                    .configInvalid, line: setting.line, column: 1,
                    "rules: '\(text)' is not a level for \(name); use error, warning or off")
                continue
            }
            let standard = RuleCatalog.describe(id).severity
            let lowered = level == .off || (level == .warning && standard == .error)
            if lowered && id.cannotBeLowered {
                reader.report(
                    .configInvalid, line: setting.line, column: 1,
                    "rules: \(name) cannot be set to \(level.rawValue): it guards Fixbook's promise that every error code has a solution a reader can reach, or keeps a hostile file from hanging the build"
                )
                continue
            }
            levels[id] = level
        }
        return levels
    }

    /// Whether the front-matter key `key` is one the team asked not to hear about.
    public func ignores(key: String) -> Bool {
        ignoreKeys.contains { pattern in globMatches(pattern, key) }
    }

    /// True for `zh`, `zh-CN`, `zh-Hans`…: the UI speaks Chinese.
    public var isChinese: Bool { UIStrings.isChinese(language) }
}

/// `*` matches any run of characters, `?` one; everything else matches itself.
func globMatches(_ pattern: String, _ text: String) -> Bool {
    let pattern = Array(pattern)
    let text = Array(text)
    // The classic two-pointer match with backtracking to the last `*`: linear for one star.
    var p = 0
    var t = 0
    var star: Int?
    var resume = 0
    while t < text.count {
        if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
            p += 1
            t += 1
        } else if p < pattern.count, pattern[p] == "*" {
            star = p
            resume = t
            p += 1
        } else if let starAt = star {
            p = starAt + 1
            resume += 1
            t = resume
        } else {
            return false
        }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
}
