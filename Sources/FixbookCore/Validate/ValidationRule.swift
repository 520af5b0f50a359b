import Foundation

/// What a rule may look at: the site model, the raw data files and the day it is checked on.
public struct ValidationContext: Sendable {
    public var model: SiteModel
    /// Raw optional data files by name, for the rules that read them (`search-tests.yml`).
    public var dataFiles: [String: SourceText]
    /// `YYYY-MM-DD`, for the staleness rule; passed in so checks are repeatable.
    public var today: String

    public var knowledgeBase: KnowledgeBase { model.knowledgeBase }

    public init(model: SiteModel, dataFiles: [String: SourceText], today: String) {
        self.model = model
        self.dataFiles = dataFiles
        self.today = today
    }
}

/// One validation rule: a stable id, and a check that returns diagnostics (never throws).
public protocol ValidationRule: Sendable {
    /// The rule ids this rule can emit (each is declared in `RuleCatalog`).
    static var emits: [RuleID] { get }
    func check(_ context: ValidationContext) -> [Diagnostic]
}

extension ValidationRule {
    func diagnostic(
        _ rule: RuleID, _ severity: Severity, at location: SourceLocation, _ message: String, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(rule: rule, severity: severity, location: location, message: message, suggestion: suggestion)
    }
}

/// A rule whose findings about an article depend on that article alone (and the site's
/// configuration and data files): after an edit, only the articles that changed are checked
/// again (`Validator.validate(reusing:)`).
public protocol ArticleRule: ValidationRule {
    func check(_ article: RenderedArticle, _ context: ValidationContext) -> [Diagnostic]
}

extension ArticleRule {
    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.knowledgeBase.articles.flatMap { check($0, context) }
    }
}
