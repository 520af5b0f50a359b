/// What search engines read of a page when the site has a `baseURL`: its canonical address, Open
/// Graph and Twitter card fields (in `base.mustache`), and JSON-LD: a `BreadcrumbList` on every
/// page and a `TechArticle` on articles. Without a `baseURL` a page has none of it: these need
/// absolute addresses, and pages opened from `file://` have no use for them.
struct SearchEngineMetadata {
    /// The fields of an article's `TechArticle`.
    struct Article {
        var summary: String?
        var updated: String?
        var tags: [String]
    }

    let base: String
    let language: String

    /// The absolute address of a page at `path` (relative to the output root).
    func url(_ path: String) -> String { base + path }

    /// Open Graph's locale for the site's language: `zh-CN` → `zh_CN`.
    var locale: String { language.replacingOccurrences(of: "-", with: "_") }

    /// `<script type="application/ld+json">` elements for the page at `path`, titled `title`, whose
    /// breadcrumbs are `crumbs` (links relative to the page).
    func jsonLD(path: String, title: String, crumbs: [LinkView], article: Article?) -> String {
        var trail = crumbs.map { ($0.title, url(Self.resolve($0.url, from: path))) }
        trail.append((title, url(path)))
        var list = JSONBuffer(scriptSafe: true)
        list.raw("{\"@context\":\"https://schema.org\",\"@type\":\"BreadcrumbList\",\"itemListElement\":[")
        for (position, (name, item)) in trail.enumerated() {
            if position > 0 { list.raw(",") }
            list.raw("{\"@type\":\"ListItem\",\"position\":\(position + 1),\"name\":")
            list.string(name)
            list.raw(",\"item\":")
            list.string(item)
            list.raw("}")
        }
        list.raw("]}")
        var html = Self.script(list.bytes)
        if let article {
            var out = JSONBuffer(scriptSafe: true)
            out.raw("{\"@context\":\"https://schema.org\",\"@type\":\"TechArticle\",\"headline\":")
            out.string(String(title.prefix(110)))
            if let summary = article.summary {
                out.raw(",\"description\":")
                out.string(summary)
            }
            if let updated = article.updated {
                out.raw(",\"dateModified\":")
                out.string(updated)
            }
            out.raw(",\"inLanguage\":")
            out.string(language)
            if !article.tags.isEmpty {
                out.raw(",\"keywords\":")
                out.string(article.tags.joined(separator: ", "))
            }
            out.raw(",\"url\":")
            out.string(url(path))
            out.raw(",\"mainEntityOfPage\":")
            out.string(url(path))
            out.raw("}")
            html += "\n" + Self.script(out.bytes)
        }
        return html
    }

    private static func script(_ json: [UInt8]) -> String {
        "<script type=\"application/ld+json\">" + String(decoding: json, as: UTF8.self) + "</script>"
    }

    /// A link written relative to the page at `page` as a path from the output root.
    static func resolve(_ href: String, from page: String) -> String {
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for part in href.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if part != "." {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
