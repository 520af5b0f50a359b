/// A solution section that still holds the scaffold's placeholder is not a solution: `fixbook
/// new` writes a marker there, and the article cannot be published until the author replaces it.
public struct SolutionPlaceholderRule: ArticleRule {
    public static let emits: [RuleID] = [.solutionPlaceholder]

    public init() {}

    public func check(_ article: RenderedArticle, _ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        var found: [Diagnostic] = []
        let headings = article.headings
        // A marker under a sub-heading lies in its parent's section too: report it once.
        var reported: Set<Int> = []
        for index in headings.indices {
            guard let line = headings[index].placeholderLine,
                SolutionSection.isInsideSolution(index, headings: headings), reported.insert(line).inserted
            else { continue }
            found.append(
                diagnostic(
                    .solutionPlaceholder, .error, at: kb.location(article, line: line),
                    "the solution section '\(headings[index].text)' still holds the scaffold's placeholder; write the steps that fix the problem and delete the '\(ArticleScaffold.placeholderMarker)' line"
                )
            )
        }
        return found
    }
}
