/// Reads `synonyms.yml`: a list of groups of words searched as one.
public enum Synonyms {
    public static func decode(_ yaml: String, path: String) -> ([[String]], [Diagnostic]) {
        var reader = YAMLReader(file: path, lineOffset: 0)
        guard let root = reader.compose(yaml, rule: .synonymsInvalid) else { return ([], reader.diagnostics) }
        guard case .sequence(let items) = root else {
            reader.report(
                .wrongType, at: reader.locate(root), "synonyms.yml must be a list of groups, e.g. - [登录, 登陆]")
            return ([], reader.diagnostics)
        }
        var groups: [[String]] = []
        for item in items {
            let words = reader.stringList(reader.locate(item), key: "synonym group").map(\.text)
            if words.count > 1 { groups.append(words) }
        }
        return (groups, reader.diagnostics)
    }
}
