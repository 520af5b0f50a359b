/// One case of `Content/search-tests.yml`: a query and the article that must rank near the top.
public struct SearchTestCase: Sendable, Hashable {
    public var query: String
    /// A slug, or a code whose article(s) are expected.
    public var expect: String
    /// The expected article must be within the first `top` results.
    public var top: Int
    public var line: Int

    /// Reads `search-tests.yml`: a list of `{query, expect, top}` (`top` defaults to 1).
    public static func decodeAll(_ yaml: String, path: String) -> ([SearchTestCase], [Diagnostic]) {
        var reader = YAMLReader(file: path, lineOffset: 0)
        guard let root = reader.compose(yaml, rule: .searchTestsInvalid) else { return ([], reader.diagnostics) }
        guard case .sequence(let items) = root else {
            reader.report(
                .wrongType, at: reader.locate(root), "search-tests.yml must be a list of {query, expect, top}")
            return ([], reader.diagnostics)
        }
        var cases: [SearchTestCase] = []
        for item in items {
            let here = reader.locate(item)
            guard let fields = reader.mappingPairs(item, what: "a search test") else { continue }
            var query: String?
            var expect: String?
            var top = 1
            for (key, keyLine, value) in fields {
                switch key {
                case "query": query = reader.string(value, key: key)
                case "expect": expect = reader.string(value, key: key)
                case "top": top = reader.int(value, key: key) ?? 1
                default:
                    reader.report(
                        .unknownKey, line: keyLine, column: 1, "unknown key '\(key)' in a search test",
                        severity: .warning)
                }
            }
            guard let query, let expect else {
                reader.report(.wrongType, at: here, "a search test needs 'query' and 'expect'")
                continue
            }
            cases.append(SearchTestCase(query: query, expect: expect, top: max(1, top), line: here.line))
        }
        return (cases, reader.diagnostics)
    }
}
