/// One entry of `Content/codes.yml`: a code the product can emit.
public struct CatalogEntry: Sendable, Hashable {
    public var code: ErrorCode
    public var message: String?
    public var line: Int

    public init(code: ErrorCode, message: String?, line: Int) {
        self.code = code
        self.message = message
        self.line = line
    }

    /// Reads `codes.yml`: a list of `{code, message, system}` (or bare codes).
    public static func decodeAll(_ yaml: String, path: String) -> ([CatalogEntry], [Diagnostic]) {
        var reader = YAMLReader(file: path, lineOffset: 0)
        guard let root = reader.compose(yaml, rule: .catalogInvalid) else { return ([], reader.diagnostics) }
        guard case .sequence(let items) = root else {
            reader.report(.wrongType, at: reader.locate(root), "codes.yml must be a list of {code, message, system}")
            return ([], reader.diagnostics)
        }
        var entries: [CatalogEntry] = []
        for item in items {
            let here = reader.locate(item)
            var written: (String, LocatedNode)?
            var message: String?
            var system: CodeSystem?
            if case .scalar = item {
                written = reader.string(here, key: "code").map { ($0, here) }
            } else if let fields = reader.mappingPairs(item, what: "a catalog entry") {
                for (key, keyLine, value) in fields {
                    switch key {
                    case "code": written = reader.string(value, key: key).map { ($0, value) }
                    case "message": message = reader.string(value, key: key)
                    case "system":
                        let name = reader.string(value, key: key) ?? ""
                        system = CodeSystem(rawValue: name)
                        if system == nil {
                            reader.report(.unknownCodeSystem, at: value, "unknown code system '\(name)'")
                        }
                    default:
                        reader.report(
                            .unknownKey, line: keyLine, column: 1, "unknown key '\(key)' in a catalog entry",
                            severity: .warning)
                    }
                }
            }
            guard let (text, node) = written else {
                reader.report(.wrongType, at: here, "a catalog entry needs a 'code'")
                continue
            }
            let result = CodeNormalizer.parse(text, declared: system)
            switch result {
            case .valid(let code):
                entries.append(CatalogEntry(code: code, message: message, line: node.line))
            case .malformed(_, let suggestion):
                reader.report(.malformedCode, at: node, result.problem ?? "", suggestion: suggestion)
            }
        }
        return (entries, reader.diagnostics)
    }
}
