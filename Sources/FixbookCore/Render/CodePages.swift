/// The codes index and one page per code key: every article that claims the code, with the
/// message that tells them apart and a direct link to each solution.
extension SiteRenderer {
    /// Writes each code's page through `emit` as soon as it is rendered, so the pages of a large
    /// site are never held together, then the index; returns the paths.
    func renderCodePages(emit: @Sendable (OutputFile) throws -> Void) throws -> [String] {
        let root = "../"
        let catalogByKey = Dictionary(grouping: kb.catalog, by: \.code.key)
        let pages = try kb.codeKeys.parallelTryMap { key in
            let page = try renderCodePage(key, catalog: catalogByKey[key] ?? [])
            try emit(page.file)
            return (path: page.file.path, entry: page.entry, system: page.system)
        }
        var groups: [CodeSystem: [CodeIndexEntryView]] = [:]
        for page in pages { groups[page.system, default: []].append(page.entry) }
        let ordered = CodeSystem.allCases.compactMap { system in
            groups[system].map { CodeGroupView(system: system.displayName, codes: $0) }
        }
        let crumbs = [LinkView(title: ui.home, url: root + SiteURLs.home)]
        let index = OutputFile(
            path: SiteURLs.codeIndex,
            text: try page(
                "codes", kind: "codes", title: ui.allCodes, description: ui.codesIntro, root: root,
                breadcrumbs: crumbs, view: CodeIndexView(groups: ordered))
        )
        try emit(index)
        return pages.map(\.path) + [index.path]
    }

    /// One code's page: every article that claims it, with the message that tells them apart.
    private func renderCodePage(
        _ key: String, catalog: [CatalogEntry]
    ) throws -> (
        file: OutputFile, entry: CodeIndexEntryView, system: CodeSystem
    ) {
        let root = "../"
        let indices = kb.byCodeKey[key] ?? []
        var uses: [CodeUseView] = []
        var system = CodeSystem.other
        var messages: [String] = []
        for index in indices {
            let article = kb.articles[index]
            for (position, code) in article.metadata.codes.enumerated() where code.code.key == key {
                system = code.code.system
                if let message = code.message { messages.append(message) }
                uses.append(
                    CodeUseView(
                        articleTitle: article.title, articleURL: root + article.outputPath,
                        message: code.message ?? "", hasMessage: code.message != nil,
                        solutionURL: root + model.solutionURL(article: index, code: position),
                        summary: article.metadata.summary ?? "",
                        symptoms: Array(article.metadata.symptoms.prefix(3)),
                        hasSymptoms: !article.metadata.symptoms.isEmpty
                    )
                )
            }
        }
        let catalogMessages = catalog.compactMap(\.message)
        let view = CodePageView(
            key: key, system: system.displayName, catalogMessages: catalogMessages,
            hasCatalogMessages: !catalogMessages.isEmpty, uses: uses, isAmbiguous: uses.count > 1
        )
        let path = SiteURLs.code(ErrorCode(written: key, key: key, system: system))
        let crumbs = [
            LinkView(title: ui.home, url: root + SiteURLs.home), LinkView(title: ui.allCodes, url: "index.html"),
        ]
        let description = ([key] + messages + catalogMessages).joined(separator: " · ")
        let file = OutputFile(
            path: path,
            text: try page(
                "code", kind: "code", title: key, description: description, root: root, breadcrumbs: crumbs, view: view)
        )
        let entry = CodeIndexEntryView(
            key: key, url: String(path.dropFirst("codes/".count)),
            messages: Array(Set(messages + catalogMessages)).sorted().joined(separator: " · "),
            articleCount: indices.count
        )
        return (file, entry, system)
    }
}
