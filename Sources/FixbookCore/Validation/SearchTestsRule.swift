/// Runs the knowledge base's own search regression tests (`search-tests.yml`).
///
/// Until ranking is shared with the browser, it checks that every expected slug or code exists.
public struct SearchTestsRule: ValidationRule {
    public static let emits: [(id: String, severity: Severity)] = [("search-test-failed", .error)]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let file = context.site.dataFiles["search-tests.yml"] else { return [] }
        let kb = context.knowledgeBase
        var (cases, found) = SearchTestCase.decodeAll(file.text, path: kb.contentFile(file.path))
        for testCase in cases {
            let isSlug = kb.article(slug: testCase.expect) != nil
            let codeKey: String? = {
                if case .valid(let code) = CodeNormalizer.parse(testCase.expect) { return code.key }
                return nil
            }()
            let isCode = codeKey.map { kb.byCodeKey[$0] != nil } ?? false
            if !isSlug && !isCode {
                found.append(
                    diagnostic(
                        "search-test-failed", .error,
                        at: SourceLocation(file: kb.contentFile(file.path), line: testCase.line),
                        "query '\(testCase.query)' expects '\(testCase.expect)', which is neither an article slug nor a code of any article"
                    )
                )
            }
        }
        return found
    }
}
