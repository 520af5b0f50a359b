import ArgumentParser
import FixbookCore
import Foundation

extension ReportFormat: ExpressibleByArgument {}

/// `fixbook check`: validate only; exit 1 on errors (or warnings with `--strict`).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the knowledge base without writing.")

    @OptionGroup var options: RootOptions

    @Option(help: "Output format: text, json or github.")
    var format: ReportFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Check draft articles too.")
    var drafts = false

    @Option(help: ArgumentHelp("Explain a rule: what it guards, with an example that triggers it.", valueName: "rule"))
    var explain: String?

    func run() throws {
        if let explain {
            guard let rule = RuleCatalog.rule(named: explain) else {
                throw ValidationError(
                    "no rule '\(explain)'; the rules are: " + RuleID.allCases.map(\.rawValue).joined(separator: ", "))
            }
            print(RuleExplanation.text(rule), terminator: "")
            return
        }
        let root = options.rootURL
        var report = try SiteBuilder.check(root: root, options: .init(includeDrafts: drafts))
        if strict {
            report.diagnostics = report.diagnostics.map { diagnostic in
                var strictened = diagnostic
                strictened.severity = .error
                return strictened
            }
        }
        let reporter = format.reporter(root: root, colour: useColour(STDOUT_FILENO))
        print(reporter.report(report.diagnostics, coverage: report.coverage), terminator: "")
        if report.errorCount > 0 { throw ContentErrors() }
    }
}
