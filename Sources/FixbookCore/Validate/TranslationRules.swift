/// The checks between the languages of a help center in several: an article with codes has a
/// translation in every language (a customer reading English finds the fix for the code too),
/// and translations claim the same codes.
enum TranslationRules {
    static func check(_ translations: Translations) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let languages = translations.languages
        for (from, model) in translations.models.enumerated() {
            let kb = model.knowledgeBase
            for (index, article) in kb.articles.enumerated() {
                let codes = Set(article.metadata.codes.map(\.code.key))
                let line = article.metadata.keyLines["codes"] ?? 1
                let missing = languages.indices.filter {
                    $0 != from && translations.article(index, from: from, to: $0) == nil
                }
                if !codes.isEmpty, !missing.isEmpty {
                    let names = missing.map { languages[$0].tag }.joined(separator: ", ")
                    let paths = missing.map {
                        kb.contentFile(article.sourcePath).replacingFirstFolder(
                            languages[from].tag, with: languages[$0].tag)
                    }
                    found.append(
                        Diagnostic(
                            rule: .translationMissing, severity: .warning, location: kb.location(article, line: line),
                            message: "this article has codes but no translation in \(names): readers of \(names) "
                                + "find no solution for \(codes.sorted().joined(separator: ", "))",
                            suggestion: "write " + paths.joined(separator: " and ")
                                + ", or give its translation the same translationKey"))
                }
                // Each pair once, reported at the later language's article: the translation.
                for to in languages.indices where to < from {
                    guard let other = translations.article(index, from: from, to: to) else { continue }
                    let theirs = Set(translations.models[to].articles[other].metadata.codes.map(\.code.key))
                    guard theirs != codes else { continue }
                    var differences: [String] = []
                    let lacking = theirs.subtracting(codes).sorted()
                    let extra = codes.subtracting(theirs).sorted()
                    if !lacking.isEmpty { differences.append("lacks " + lacking.joined(separator: ", ")) }
                    if !extra.isEmpty { differences.append("adds " + extra.joined(separator: ", ")) }
                    let original = translations.models[to].knowledgeBase
                    found.append(
                        Diagnostic(
                            rule: .translationCodesDiffer, severity: .warning,
                            location: kb.location(article, line: line),
                            message: "this translation claims other codes than "
                                + original.contentFile(original.articles[other].sourcePath) + ": it "
                                + differences.joined(separator: " and ")))
                }
            }
        }
        return found
    }
}

extension String {
    /// `Content/zh-CN/a.md` with the folder `zh-CN` replaced by `en`.
    fileprivate func replacingFirstFolder(_ folder: String, with other: String) -> String {
        guard let range = range(of: "/" + folder + "/") ?? (hasPrefix(folder + "/") ? range(of: folder + "/") : nil)
        else { return self }
        let slash = self[range].hasPrefix("/") ? "/" : ""
        return replacingCharacters(in: range, with: slash + other + "/")
    }
}
