/// The site configuration from `fixbook.yml` (SPEC §3); every key is optional.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Help Center"
    public var description = ""
    /// BCP 47 tag; drives UI strings and the `lang` attribute.
    public var language = "en"
    /// Only for absolute URLs in `sitemap.xml` and `feed.xml`; pages link relatively.
    public var baseURL: String?
    public var content = "Content"
    public var templates = "Templates"
    public var output = "Output"
    /// Support contact shown on pages.
    public var support = "support@example.com"
    /// Heading texts that open a solution section.
    public var solutionHeadings = ["解决方法", "解决办法", "处理方法", "Solution", "Resolution", "Fix", "Workaround"]
    /// Render raw HTML written in Markdown (off: it is omitted).
    public var unsafe = false
    /// Warn about articles whose `updated` is older than this many days (off when nil).
    public var staleAfterDays: Int?
    /// What a body may be before it reaches cmark-gfm (`limits:` with `maxArticleBytes`,
    /// `maxTableCells`, `maxTableColumns`, `maxNesting`).
    public var limits = MarkdownLimits()

    public init() {}

    static let knownKeys: Set<String> = [
        "title", "description", "language", "baseURL", "content", "templates", "output",
        "support", "solutionHeadings", "unsafe", "staleAfterDays", "limits",
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
            case "support": config.support = reader.string(value, key: key) ?? config.support
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

    /// True for `zh`, `zh-CN`, `zh-Hans`…: the UI speaks Chinese.
    public var isChinese: Bool { UIStrings.isChinese(language) }
}
