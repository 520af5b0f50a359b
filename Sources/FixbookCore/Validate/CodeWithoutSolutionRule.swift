/// The promise of Fixbook: every code an article claims has a fix a reader can reach.
///
/// An article with codes needs a non-empty solution section; a mapped code's `solution:` anchor
/// must exist and lie inside a solution section.
public struct CodeWithoutSolutionRule: ArticleRule {
    public static let emits: [RuleID] = [.codeWithoutSolution, .solutionAnchorMissing, .solutionAnchorOutside]

    public init() {}

    public func check(_ article: RenderedArticle, _ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        let names = kb.config.solutionHeadings
        var found: [Diagnostic] = []
        // A refused body was never parsed: its limit error is the one problem to report.
        guard !article.metadata.codes.isEmpty, !article.bodyRefused else { return [] }
        let headings = article.headings
        let openers = SolutionSection.headingIndices(headings)
        if !openers.contains(where: { headings[$0].sectionHasContent }) {
            let codes = article.metadata.codes.map(\.code.written).joined(separator: ", ")
            if let empty = openers.first {
                found.append(
                    diagnostic(
                        .codeWithoutSolution, .error, at: kb.location(article, line: headings[empty].line),
                        "the solution section '\(headings[empty].text)' is empty, so \(codes) has no fix"
                    )
                )
            } else {
                let line = article.metadata.keyLines["codes"] ?? 1
                found.append(
                    diagnostic(
                        .codeWithoutSolution, .error, at: kb.location(article, line: line),
                        "the article claims \(codes) but has no solution section; add a heading such as '## \(names.first ?? "Solution")' with the fix"
                    )
                )
            }
        }
        for code in article.metadata.codes {
            guard let anchor = code.solutionAnchor else { continue }
            guard let index = headings.firstIndex(where: { $0.anchor == anchor || $0.text == anchor }) else {
                let known = headings.map(\.anchor).joined(separator: ", ")
                found.append(
                    diagnostic(
                        .solutionAnchorMissing, .error, at: kb.location(article, line: code.line),
                        "'solution: \(anchor)' of \(code.code.written) names no heading of this article (anchors: \(known))"
                    )
                )
                continue
            }
            if !SolutionSection.isInsideSolution(index, headings: headings) {
                found.append(
                    diagnostic(
                        .solutionAnchorOutside, .error, at: kb.location(article, line: code.line),
                        "'solution: \(anchor)' of \(code.code.written) points at a heading outside every solution section"
                    )
                )
            }
        }
        return found
    }
}
