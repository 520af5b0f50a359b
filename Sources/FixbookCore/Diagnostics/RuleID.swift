/// Every diagnostic Fixbook can report, by its stable id. A diagnostic can only carry one of
/// these, and each has its declaration in `RuleCatalog` (severity, explanation, examples): the
/// switch there is exhaustive, so a new id does not compile without one.
public enum RuleID: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    // Reading files and front matter.
    case unreadableFile = "unreadable-file"
    case fileSkipped = "file-skipped"
    case frontMatterMissing = "front-matter-missing"
    case frontMatterUnterminated = "front-matter-unterminated"
    case frontMatterInvalid = "front-matter-invalid"
    case frontMatterEmpty = "front-matter-empty"
    case frontMatterTooLarge = "front-matter-too-large"
    case wrongType = "wrong-type"
    case unknownKey = "unknown-key"
    case titleMissing = "title-missing"
    case repeatedEntry = "repeated-entry"
    // Markdown limits.
    case markdownTooLarge = "markdown-too-large"
    case markdownTooDeep = "markdown-too-deep"
    case markdownTableTooLarge = "markdown-table-too-large"
    // Slugs.
    case unsafeSlug = "unsafe-slug"
    case duplicateSlug = "duplicate-slug"
    // Codes and solutions.
    case malformedCode = "malformed-code"
    case unknownCodeSystem = "unknown-code-system"
    case malformedCodeInText = "malformed-code-in-text"
    case codeWithoutSolution = "code-without-solution"
    case solutionPlaceholder = "solution-placeholder"
    case solutionAnchorMissing = "solution-anchor-missing"
    case solutionAnchorOutside = "solution-anchor-outside"
    case catalogCodeUncovered = "catalog-code-uncovered"
    case codeNotInCatalog = "code-not-in-catalog"
    case ambiguousCode = "ambiguous-code"
    // Links.
    case brokenLink = "broken-link"
    case brokenAnchor = "broken-anchor"
    case missingImage = "missing-image"
    case rootAbsoluteLink = "root-absolute-link"
    // Related articles, aliases, categories, freshness, search tests.
    case relatedUnknown = "related-unknown"
    case aliasUnsafe = "alias-unsafe"
    case aliasCollision = "alias-collision"
    case unknownCategory = "unknown-category"
    case staleArticle = "stale-article"
    case searchTestFailed = "search-test-failed"
    // Translations between the languages of one help center.
    case translationMissing = "translation-missing"
    case translationCodesDiffer = "translation-codes-differ"
    // Data files.
    case configInvalid = "config-invalid"
    case categoriesInvalid = "categories-invalid"
    case catalogInvalid = "catalog-invalid"
    case synonymsInvalid = "synonyms-invalid"
    case searchTestsInvalid = "search-tests-invalid"

    /// The id as reports print it (`wrong-type`).
    public var description: String { rawValue }
}
