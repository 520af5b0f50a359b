/// Writes `sitemap.xml` and the Atom `feed.xml`. Absolute URLs need `baseURL`; without it the
/// files use site-relative URLs. No wall-clock time: dates come from articles' `updated`.
enum FeedWriter {
    /// `sitemap.xml` for the pages among `paths`. The sitemap protocol allows 50,000 URLs a
    /// file, so a larger site gets `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` as
    /// their sitemap index.
    /// In a help center in several languages, `alternates` gives each page's translations (its
    /// own language included), listed as `xhtml:link` alternates as search engines read them.
    static func sitemaps(
        _ model: SiteModel, paths: [String], urlsPerFile: Int = 50_000,
        alternates: ((String) -> [LanguageLinkView])? = nil
    ) -> [OutputFile] {
        let kb = model.knowledgeBase
        let base = baseURL(kb)
        var updatedByPath: [String: String] = [:]
        updatedByPath.reserveCapacity(kb.articles.count)
        for article in kb.articles { updatedByPath[article.outputPath] = article.metadata.updated }
        let pages = paths.filter { $0.hasSuffix(".html") && $0 != SiteURLs.notFound }.sorted()
        let namespaces =
            "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + (alternates == nil ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"")
        // Each file written in one string, piece by piece: at ten thousand pages and more, a
        // string a line joined afterwards costs as much again.
        func urlset(_ part: ArraySlice<String>) -> String {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset \(namespaces)>\n"
            xml.reserveCapacity(xml.utf8.count + part.count * (base.utf8.count + 80))
            for path in part {
                xml += "  <url><loc>"
                xml += xmlEscape(base + path)
                xml += "</loc>"
                if let updated = updatedByPath[path] {
                    xml += "<lastmod>"
                    xml += xmlEscape(updated)
                    xml += "</lastmod>"
                }
                if let links = alternates?(path), links.count > 1 {
                    for link in links {
                        xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(xmlEscape(link.tag))\" href=\""
                        xml += xmlEscape(link.url)
                        xml += "\"/>"
                    }
                }
                xml += "</url>\n"
            }
            return xml + "</urlset>\n"
        }
        guard pages.count > urlsPerFile else { return [OutputFile(path: "sitemap.xml", text: urlset(pages[...]))] }
        let parts = stride(from: 0, to: pages.count, by: urlsPerFile).enumerated().map { number, start in
            OutputFile(
                path: "sitemap-\(number + 1).xml", text: urlset(pages[start..<min(start + urlsPerFile, pages.count)]))
        }
        return parts + [sitemapIndex(parts.map { base + $0.path })]
    }

    /// `sitemap.xml` as the index of the sitemaps at `addresses`.
    static func sitemapIndex(_ addresses: [String]) -> OutputFile {
        let index =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + addresses.map { "  <sitemap><loc>\(xmlEscape($0))</loc></sitemap>\n" }.joined() + "</sitemapindex>\n"
        return OutputFile(path: "sitemap.xml", text: index)
    }

    static func atom(_ model: SiteModel, limit: Int = 50) -> String {
        let kb = model.knowledgeBase
        let base = baseURL(kb)
        let recent = model.recentlyUpdated.prefix(limit).map { kb.articles[$0] }
        let newest = recent.first?.metadata.updated ?? "1970-01-01"
        let siteID = base.isEmpty ? "urn:fixbook:" + Slug.make(from: kb.config.title) : base
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscape(kb.config.language))">
              <title>\(xmlEscape(kb.config.title))</title>
              <id>\(xmlEscape(siteID))</id>
              <updated>\(newest)T00:00:00Z</updated>
              <link href="\(xmlEscape(base + SiteURLs.home))"/>

            """
        for article in recent {
            let url = base + article.outputPath
            xml += """
                  <entry>
                    <title>\(xmlEscape(article.title))</title>
                    <id>\(xmlEscape(base.isEmpty ? "urn:fixbook:article:" + article.slug : url))</id>
                    <link href="\(xmlEscape(url))"/>
                    <updated>\(article.metadata.updated ?? newest)T00:00:00Z</updated>
                    <summary>\(xmlEscape(article.metadata.summary ?? article.title))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    private static func baseURL(_ kb: KnowledgeBase) -> String { SiteURLs.base(kb.config.baseURL) }

    /// `robots.txt`: every page may be crawled, and, with `baseURL`, where the sitemap is (the
    /// `Sitemap:` line takes only an absolute address).
    static func robots(baseURL: String?) -> OutputFile {
        let base = SiteURLs.base(baseURL)
        let sitemap = base.isEmpty ? "" : "Sitemap: \(base)sitemap.xml\n"
        return OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n" + sitemap)
    }

    static func xmlEscape(_ text: String) -> String {
        // Most text (every address of a sitemap) needs nothing done: one pass over its bytes tells.
        let plain = !text.utf8.contains { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
                || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF  // U+FFFE, U+FFFF
        }
        if plain { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            // XML 1.0 forbids most control characters even as references.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
