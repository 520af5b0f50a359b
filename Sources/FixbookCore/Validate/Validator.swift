import Foundation

/// The result of validating a site: every diagnostic, sorted, and the catalog coverage.
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var coverage: (covered: Int, total: Int)?

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
    public static func validate(_ site: LoadedSite, model: SiteModel, today: String? = nil) -> ValidationReport {
        let context = ValidationContext(model: model, dataFiles: site.dataFiles, today: today ?? currentDay())
        // Rules are independent reads of the same site: run them side by side.
        let found = rules.parallelMap { $0.check(context) }
        // The team's rule levels (`rules:` in fixbook.yml) apply to every stage's diagnostics.
        let diagnostics = (site.diagnostics + found.flatMap { $0 }).applying(model.config.rules)
        return ValidationReport(
            diagnostics: Diagnostic.sortedForReport(diagnostics),
            coverage: CatalogCoverageRule.coverage(site.knowledgeBase)
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
