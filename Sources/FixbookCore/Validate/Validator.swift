import Foundation

/// The result of validating a site: every diagnostic, sorted, and the catalog coverage.
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var coverage: (covered: Int, total: Int)?
    /// What each `ArticleRule` found, by article: the next check after an edit keeps it for the
    /// articles the edit did not change.
    var articleFindings: ArticleFindings? = nil

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Runs every rule over a loaded site. `check` stops here; `build` refuses to write on errors.
public enum Validator {
    /// All rules, in the order their diagnostics are documented.
    public static let rules: [any ValidationRule] = [
        DuplicateSlugRule(), CodeWithoutSolutionRule(), SolutionPlaceholderRule(), CatalogCoverageRule(),
        AmbiguousCodeRule(),
        BrokenLinkRule(), RelatedAndAliasRule(), CategoryRule(), StaleArticleRule(), SearchTestsRule(),
        CodeInTextRule(),
    ]

    /// Validates `site`, whose model is `model`; `today` (`YYYY-MM-DD`) defaults to the current
    /// UTC date.
    /// With `earlier`, the findings of a check of the same site before an edit, and `changed`, the
    /// source files of every article the edit may have changed, the article rules check only those.
    public static func validate(
        _ site: LoadedSite, model: SiteModel, today: String? = nil, reusing earlier: ArticleFindings? = nil,
        changed: Set<String>? = nil
    ) -> ValidationReport {
        let context = ValidationContext(model: model, dataFiles: site.dataFiles, today: today ?? currentDay())
        let kb = site.knowledgeBase
        // Rules are independent reads of the same site: run them side by side.
        let found = rules.indices.map { $0 }.parallelMap { position -> ([Diagnostic], [String: [Diagnostic]]?) in
            guard let rule = rules[position] as? any ArticleRule else { return (rules[position].check(context), nil) }
            var byPath: [String: [Diagnostic]] = [:]
            var due = kb.articles.indices.map { $0 }
            if let kept = earlier?.byRule[position], let changed {
                byPath = kept.filter { !changed.contains($0.key) }
                due = changed.compactMap { kb.bySourcePath[$0] }
            }
            for index in due {
                let found = rule.check(kb.articles[index], context)
                byPath[kb.articles[index].sourcePath] = found.isEmpty ? nil : found
            }
            return (byPath.keys.sorted().flatMap { byPath[$0] ?? [] }, byPath)
        }
        // The team's rule levels (`rules:` in fixbook.yml) apply to every stage's diagnostics.
        let diagnostics = (site.diagnostics + found.flatMap(\.0)).applying(model.config.rules)
        var byRule: [Int: [String: [Diagnostic]]] = [:]
        for (position, (_, byPath)) in found.enumerated() { byRule[position] = byPath }
        return ValidationReport(
            diagnostics: Diagnostic.sortedForReport(diagnostics),
            coverage: CatalogCoverageRule.coverage(site.knowledgeBase), articleFindings: ArticleFindings(byRule: byRule)
        )
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    public static func currentDay() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

/// What the article rules found in each article that has findings, by rule (its place in
/// `Validator.rules`) and source file.
public struct ArticleFindings: Sendable {
    var byRule: [Int: [String: [Diagnostic]]]
}
