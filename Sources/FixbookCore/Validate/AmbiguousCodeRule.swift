/// A code claimed by several articles needs a `message` in each, so its code page can tell a
/// reader which article applies (SMTP 550 "Invalid User" vs 550 "relaying denied").
public struct AmbiguousCodeRule: ValidationRule {
    public static let emits: [RuleID] = [.ambiguousCode]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        var found: [Diagnostic] = []
        for key in kb.codeKeys {
            let indices = kb.byCodeKey[key] ?? []
            guard indices.count > 1 else { continue }
            for index in indices {
                let article = kb.articles[index]
                for code in article.metadata.codes where code.code.key == key && (code.message ?? "").isEmpty {
                    // A popular code is claimed by thousands of articles: name a few, count the rest.
                    let others = indices.lazy.filter { $0 != index }.prefix(3).map {
                        kb.contentFile(kb.articles[$0].sourcePath)
                    }
                    let more = indices.count - 1 - others.count
                    let named = others.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
                    found.append(
                        diagnostic(
                            .ambiguousCode, .warning, at: kb.location(article, line: code.line),
                            "\(code.code.written) is also claimed by \(named); write it as {code: \(code.code.written), message: …} so readers can tell the articles apart"
                        )
                    )
                }
            }
        }
        return found
    }
}
