/// Runs the knowledge base's own search regression tests (`search-tests.yml`) with the same
/// ranking as the browser: each query must put its expected article within its `top` results.
public struct SearchTestsRule: ValidationRule {
    public static let emits: [RuleID] = [.searchTestFailed]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let file = context.dataFiles["search-tests.yml"] else { return [] }
        let kb = context.knowledgeBase
        let path = kb.contentFile(file.path)
        var (cases, found) = SearchTestCase.decodeAll(file.text, path: path)
        guard !cases.isEmpty else { return found }
        let engine = SearchEngine(index: SearchIndexBuilder.build(context.model))
        for testCase in cases {
            let here = SourceLocation(file: path, line: testCase.line)
            let expected = expectedSlugs(testCase.expect, in: kb)
            guard !expected.isEmpty else {
                found.append(
                    diagnostic(
                        .searchTestFailed, .error, at: here,
                        "query '\(testCase.query)' expects '\(testCase.expect)', which is neither an article slug nor a code of any article"
                    )
                )
                continue
            }
            let results = engine.search(testCase.query)
            let top = results.prefix(testCase.top).map(\.slug)
            if !top.contains(where: expected.contains) {
                let position =
                    results.firstIndex { expected.contains($0.slug) }.map { "ranks #\($0 + 1)" } ?? "is not found"
                let shown = top.isEmpty ? "no results" : "top \(testCase.top): " + top.joined(separator: ", ")
                found.append(
                    diagnostic(
                        .searchTestFailed, .error, at: here,
                        "query '\(testCase.query)': '\(testCase.expect)' \(position), expected within the top \(testCase.top) (\(shown))"
                    )
                )
            }
        }
        return found
    }

    /// The slug itself, or every article that claims the code.
    private func expectedSlugs(_ expect: String, in kb: KnowledgeBase) -> Set<String> {
        if kb.article(slug: expect) != nil { return [expect] }
        guard case .valid(let code) = CodeNormalizer.parse(expect) else { return [] }
        return Set((kb.byCodeKey[code.key] ?? []).map { kb.articles[$0].slug })
    }
}
