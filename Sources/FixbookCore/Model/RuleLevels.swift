/// How seriously a team takes a rule (`rules:` in `fixbook.yml`): an error stops the build, a
/// warning only informs, `off` silences it. A team adopting existing content lowers rules while
/// it cleans up, then raises them back.
public enum RuleLevel: String, Sendable, CaseIterable {
    case error, warning, off
}

extension RuleID {
    /// The rules that guard Fixbook's promise (every code has a reachable fix) and the limits that
    /// keep a hostile file from hanging the build: a configuration may raise them, never lower them.
    public var cannotBeLowered: Bool {
        switch self {
        case .codeWithoutSolution, .solutionAnchorMissing, .solutionAnchorOutside, .solutionPlaceholder,
            .malformedCode, .markdownTooLarge, .markdownTooDeep, .markdownTableTooLarge, .frontMatterTooLarge:
            return true
        default:
            return false
        }
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics as the configuration wants them: each rule's level replaces its
    /// severity, and the rules set to `off` are left out.
    public func applying(_ levels: [RuleID: RuleLevel]) -> [Diagnostic] {
        guard !levels.isEmpty else { return self }
        return compactMap { diagnostic in
            switch levels[diagnostic.rule] {
            case nil: return diagnostic
            case .off: return nil
            case .error?, .warning?:
                var adjusted = diagnostic
                adjusted.severity = levels[diagnostic.rule] == .error ? .error : .warning
                return adjusted
            }
        }
    }
}
