/// Finds an article's solution sections: headings whose text is one of `solutionHeadings`.
public enum SolutionSection {
    /// Indices of the headings that open a solution section.
    public static func headingIndices(_ headings: [Heading], solutionHeadings: [String]) -> [Int] {
        let names = Set(solutionHeadings.map(normalize))
        return headings.indices.filter { names.contains(normalize(headings[$0].text)) }
    }

    /// True when the heading at `index` lies inside (below) a solution section's heading.
    public static func isInsideSolution(_ index: Int, headings: [Heading], solutionHeadings: [String]) -> Bool {
        let openers = Set(headingIndices(headings, solutionHeadings: solutionHeadings))
        if openers.contains(index) { return true }
        var level = headings[index].level
        for earlier in stride(from: index - 1, through: 0, by: -1) where headings[earlier].level < level {
            if openers.contains(earlier) { return true }
            level = headings[earlier].level
        }
        return false
    }

    /// The anchor of the first non-empty solution section, the target of "go to the solution".
    public static func firstAnchor(_ headings: [Heading], solutionHeadings: [String]) -> String? {
        headingIndices(headings, solutionHeadings: solutionHeadings).map { headings[$0] }
            .first { $0.sectionHasContent }?.anchor
    }

    /// Heading text compared without case, surrounding space or a trailing colon.
    static func normalize(_ text: String) -> String {
        var result = text.precomposedStringWithCompatibilityMapping.lowercased().trimmed
        while let last = result.last, last == ":" || last == "：" { result.removeLast() }
        return result
    }
}
