import Foundation

/// The layout of the output: every page's path and every link's form, made here and nowhere
/// else. Paths are relative to the output root; a page one folder deep prefixes `../`.
public enum SiteURLs {
    public static let home = "index.html"
    public static let codeIndex = "codes/index.html"
    public static let categoryIndex = "categories/index.html"
    public static let tagIndex = "tags/index.html"
    public static let search = "search.html"
    public static let notFound = "404.html"

    /// An article's page: `articles/<slug>.html`.
    public static func article(_ slug: String) -> String { "articles/" + articleFileName(slug) }

    /// Where a link to an article that is not in the knowledge base points: this page, marked
    /// by the theme's style sheet.
    public static let missingArticle = "#missing-article"

    /// An article's page as linked from another article (both live in `articles/`).
    public static func articleFileName(_ slug: String) -> String { slug + ".html" }

    /// An article's page, at the solution of one of its codes when `anchor` is given.
    public static func solution(_ slug: String, anchor: String?) -> String {
        article(slug) + (anchor.map(fragment) ?? "")
    }

    /// A heading's anchor as the fragment of a link: `#` and the percent-encoded anchor.
    public static func fragment(_ anchor: String) -> String { "#" + encodeFragment(anchor) }

    /// A code key's page: `codes/0x800CCC0F.html`, `codes/m-sender-is-in-prison.html`. The same
    /// string is the file's path and its link.
    public static func code(_ code: ErrorCode) -> String {
        let name = code.system == .message ? "m-" + TermSlug.make(code.key) : code.key
        return "codes/" + encodePath(name) + ".html"
    }

    /// Where a category's page is written (`categories/客户端错误.html`); `""` is the made-up
    /// category of articles without one.
    public static func categoryFile(_ key: String) -> String {
        "categories/" + categorySlug(key) + ".html"
    }

    /// A category's page as a link, percent-encoded.
    public static func category(_ key: String) -> String {
        "categories/" + categoryFileName(key)
    }

    /// A category's page as linked from `categories/index.html`.
    public static func categoryFileName(_ key: String) -> String {
        TermSlug.href(categorySlug(key)) + ".html"
    }

    private static func categorySlug(_ key: String) -> String { key.isEmpty ? "other" : TermSlug.make(key) }

    /// Where a tag's page is written (`tags/发信.html`), by its `TermSlug`.
    public static func tagFile(_ slug: String) -> String { "tags/\(slug).html" }

    /// A tag's page as a link, percent-encoded.
    public static func tag(_ slug: String) -> String { "tags/" + tagFileLink(slug) }

    /// A tag's page as linked from `tags/index.html`.
    public static func tagFileLink(_ slug: String) -> String { TermSlug.href(slug) + ".html" }

    /// Where a content file is copied (`files/<content path>`), percent-encoded.
    public static func asset(_ contentPath: String) -> String { "files/" + encodePath(contentPath) }

    /// `baseURL` ending in one `/`, or "" without one: what absolute addresses start with.
    public static func base(_ baseURL: String?) -> String {
        guard let baseURL, !baseURL.isEmpty else { return "" }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// A page's absolute address under `baseURL`.
    public static func absolute(_ baseURL: String, _ path: String) -> String { base(baseURL) + path }

    /// A `mailto:` link with its subject and body filled in (RFC 6068: every byte but the
    /// unreserved ones percent-encoded, line breaks as `%0D%0A`).
    public static func mailto(_ address: String, subject: String, body: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        return "mailto:" + encodeQueryValue(address, keeping: "@") + "?subject=" + encodeQueryValue(subject)
            + "&body=" + encodeQueryValue(lines)
    }

    /// The address an answer to "did this solve your problem?" is sent to: the configured
    /// endpoint with the article, its language, the answer and the page as query parameters.
    public static func feedback(
        _ endpoint: String, article: String, language: String, answer: String, page: String
    )
        -> String
    {
        let parameters = [("article", article), ("language", language), ("answer", answer), ("page", page)]
        let query = parameters.map { $0.0 + "=" + encodeQueryValue($0.1) }.joined(separator: "&")
        return endpoint + (endpoint.contains("?") ? "&" : "?") + query
    }
}

/// Percent-encodes every UTF-8 byte of `value` except RFC 3986's unreserved characters (and those
/// of `keeping`).
func encodeQueryValue(_ value: String, keeping extra: String = "") -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8).union(extra.utf8)
    var out: [UInt8] = []
    for byte in value.utf8 {
        if kept.contains(byte) { out.append(byte) } else { out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]] }
    }
    return String(decoding: out, as: UTF8.self)
}

/// Percent-encodes a fragment for an `href` as Foundation's `urlFragmentAllowed` does: every UTF-8
/// byte outside RFC 3986's fragment characters becomes `%XX`. Done on the bytes: most anchors are
/// Chinese, and Foundation's walk over them was a noticeable part of a build.
public func encodeFragment(_ fragment: String) -> String {
    if fragment.utf8.allSatisfy({ fragmentKeeps[Int($0)] }) { return fragment }
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(fragment.utf8.count * 3)
    for byte in fragment.utf8 {
        if fragmentKeeps[Int(byte)] {
            out.append(byte)
        } else {
            out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// RFC 3986 fragment characters: unreserved, sub-delims, `:`, `@`, `/` and `?`.
private let fragmentKeeps: [Bool] = {
    var keeps = [Bool](repeating: false, count: 256)
    for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?".utf8 {
        keeps[Int(byte)] = true
    }
    return keeps
}()
