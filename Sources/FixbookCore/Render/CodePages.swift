/// The codes index and one page per code key: every article that claims the code, with the
/// message that tells them apart and a direct link to each solution.
extension SiteRenderer {
    /// Writes each code's page through `emit` as soon as it is rendered, so the pages of a large
    /// site are never held together, then the index; returns the paths.
    func renderCodePages(emit: @Sendable (OutputFile) throws -> Void) throws -> [String] {
        let catalogByKey = Dictionary(grouping: kb.catalog, by: \.code.key)
        let pages = try kb.codeKeys.parallelTryMap { key in
            let file = try renderCodePage(key, catalog: catalogByKey[key] ?? [])
            try emit(file)
            return file.path
        }
        let index = try renderCodeIndex(catalogByKey: catalogByKey)
        try emit(index)
        return pages + [index.path]
    }

    /// `codes/index.html`: every code key grouped by system, with its messages.
    func renderCodeIndex(catalogByKey: [String: [CatalogEntry]]? = nil) throws -> OutputFile {
        let root = "../"
        let catalogByKey = catalogByKey ?? Dictionary(grouping: kb.catalog, by: \.code.key)
        var groups: [CodeSystem: [CodeIndexEntryView]] = [:]
        for key in kb.codeKeys {
            let uses = codeUses(key)
            let messages = uses.compactMap(\.message) + (catalogByKey[key] ?? []).compactMap(\.message)
            let entry = CodeIndexEntryView(
                key: key, url: String(SiteURLs.code(codePageCode(key, uses: uses)).dropFirst("codes/".count)),
                messages: Array(Set(messages)).sorted().joined(separator: " · "),
                articleCount: kb.byCodeKey[key]?.count ?? 0
            )
            groups[uses.last?.code.system ?? .other, default: []].append(entry)
        }
        let ordered = CodeSystem.allCases.compactMap { system in
            groups[system].map { CodeGroupView(system: ui.name(of: system), codes: $0) }
        }
        let crumbs = [LinkView(title: ui.home, url: root + SiteURLs.home)]
        return OutputFile(
            path: SiteURLs.codeIndex,
            text: try page(
                "codes", kind: "codes", title: ui.allCodes, description: ui.codesIntro, root: root,
                breadcrumbs: crumbs, path: SiteURLs.codeIndex, view: CodeIndexView(groups: ordered))
        )
    }

    /// One code's page: every article that claims it, with the message that tells them apart.
    func renderCodePage(_ key: String, catalog: [CatalogEntry]) throws -> OutputFile {
        let root = "../"
        let uses = codeUses(key)
        let views = uses.map { use in
            let article = kb.articles[use.article]
            return CodeUseView(
                articleTitle: article.title, articleURL: root + article.outputPath,
                message: use.message ?? "", hasMessage: use.message != nil,
                solutionURL: root + model.solutionURL(article: use.article, code: use.position),
                summary: article.metadata.summary ?? "",
                symptoms: Array(article.metadata.symptoms.prefix(3)),
                hasSymptoms: !article.metadata.symptoms.isEmpty
            )
        }
        let system = uses.last?.code.system ?? .other
        let catalogMessages = catalog.compactMap(\.message)
        let view = CodePageView(
            key: key, system: ui.name(of: system), catalogMessages: catalogMessages,
            hasCatalogMessages: !catalogMessages.isEmpty, uses: views, isAmbiguous: views.count > 1
        )
        let crumbs = [
            LinkView(title: ui.home, url: root + SiteURLs.home), LinkView(title: ui.allCodes, url: "index.html"),
        ]
        let description = ([key] + uses.compactMap(\.message) + catalogMessages).joined(separator: " · ")
        let path = SiteURLs.code(codePageCode(key, uses: uses))
        return OutputFile(
            path: path,
            text: try page(
                "code", kind: "code", title: key, description: description, root: root, breadcrumbs: crumbs,
                path: path, view: view)
        )
    }

    /// Every claim of a code key, in article order: the article, the code's place in its `codes:`.
    private func codeUses(_ key: String) -> [(article: Int, position: Int, code: ErrorCode, message: String?)] {
        // A plain loop: the codes index asks this of every key, thousands on a large site.
        var uses: [(article: Int, position: Int, code: ErrorCode, message: String?)] = []
        for index in kb.byCodeKey[key] ?? [] {
            for (position, claim) in kb.articles[index].metadata.codes.enumerated() where claim.code.key == key {
                uses.append((index, position, claim.code, claim.message))
            }
        }
        return uses
    }

    /// The code a key's page is named after: the system of its last claim decides the name.
    private func codePageCode(
        _ key: String, uses: [(article: Int, position: Int, code: ErrorCode, message: String?)]
    ) -> ErrorCode {
        ErrorCode(written: key, key: key, system: uses.last?.code.system ?? .other)
    }
}
