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
            let words = onceEach(reader.locate(item), reader: &reader)
            if words.count > 1 { groups.append(words) }
        }
        return (groups, reader.diagnostics)
    }

    /// The words of one group, each once: a repeat is reported where it stands and left out (an
    /// editor who lists a word twice meant something else the second time, or nothing).
    private static func onceEach(_ group: LocatedNode, reader: inout YAMLReader) -> [String] {
        guard case .sequence(let sequence) = group.node else {
            return reader.stringList(group, key: "synonym group").map(\.text)
        }
        var words: [String] = []
        var seen = Set<String>()
        for item in sequence {
            let here = reader.locate(item)
            guard let word = reader.string(here, key: "synonym group item"), !word.isEmpty else { continue }
            if !seen.insert(word).inserted {
                reader.report(
                    .repeatedEntry, at: here, "'\(word)' is listed in this synonym group already", severity: .warning)
                continue
            }
            words.append(word)
        }
        return words
    }
}
