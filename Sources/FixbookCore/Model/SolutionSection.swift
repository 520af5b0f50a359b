/// An article's solution sections: headings whose text is one of the site's `solutionHeadings`.
public enum SolutionSection {
    /// Marks the headings that open a solution section; done once per article at load.
    public static func mark(_ headings: inout [Heading], solutionHeadings: [String]) {
        let names = Set(solutionHeadings.map(normalize))
        for index in headings.indices {
            headings[index].opensSolution = names.contains(normalize(headings[index].text))
        }
    }

    /// Indices of the headings that open a solution section.
    public static func headingIndices(_ headings: [Heading]) -> [Int] {
        headings.indices.filter { headings[$0].opensSolution }
    }

    /// True when the heading at `index` opens or lies inside (below) a solution section.
    public static func isInsideSolution(_ index: Int, headings: [Heading]) -> Bool {
        if headings[index].opensSolution { return true }
        var level = headings[index].level
        for earlier in stride(from: index - 1, through: 0, by: -1) where headings[earlier].level < level {
            if headings[earlier].opensSolution { return true }
            level = headings[earlier].level
        }
        return false
    }

    /// The anchor of the first non-empty solution section, the target of "go to the solution".
    public static func firstAnchor(_ headings: [Heading]) -> String? {
        headings.first { $0.opensSolution && $0.sectionHasContent }?.anchor
    }

    /// Heading text compared without case, surrounding space or a trailing colon.
    static func normalize(_ text: String) -> String {
        var result = SearchTokenizer.normalize(text).trimmed
        while let last = result.last, last == ":" || last == "：" { result.removeLast() }
        return result
    }
}

extension RenderedArticle {
    /// The heading a code's "go to the solution" link points at: its `solution:` anchor when that
    /// names a heading, otherwise the first non-empty solution section.
    public func solutionAnchor(for code: ArticleCode) -> String? {
        let named = code.solutionAnchor.flatMap { name in
            headings.first { $0.anchor == name || $0.text == name }?.anchor
        }
        return named ?? SolutionSection.firstAnchor(headings)
    }
}
