import ArgumentParser
import FixbookCore
import Foundation

/// `fixbook build`: validate, then write the site (nothing is written on errors).
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Validate, then write the site.")

    @OptionGroup var options: RootOptions

    @Flag(help: "Include articles marked draft: true.")
    var drafts = false

    @Option(help: "Output folder (default: the config's output, Output).")
    var output: String?

    @Flag(help: "Accepted for compatibility: every build replaces the output folder whole.")
    var clean = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print how long each stage took.")
    var timings = false

    func run() throws {
        let root = options.rootURL
        let (report, summary) = try SiteBuilder.build(
            root: root, options: .init(includeDrafts: drafts, output: output), strict: strict
        )
        let reporter = ReportFormat.text.reporter(root: root, colour: useColour(STDERR_FILENO))
        if !report.diagnostics.isEmpty || summary == nil {
            FileHandle.standardError.write(Data(reporter.report(report.diagnostics, coverage: report.coverage).utf8))
        }
        guard let summary else {
            FileHandle.standardError.write(
                Data("fixbook: build refused: fix the errors above; nothing was written\n".utf8))
            throw ContentErrors()
        }
        if timings {
            for (name, seconds, cpuSeconds) in summary.phases {
                let wall = Int((seconds * 1000).rounded())
                let cpu = Int((cpuSeconds * 1000).rounded())
                FileHandle.standardError.write(Data("  \(wall) ms  (CPU \(cpu) ms)  \(name)\n".utf8))
            }
            FileHandle.standardError.write(
                Data("  \(summary.files) files, \(summary.unchangedFiles) known unchanged without reading\n".utf8))
        }
        let milliseconds = Int((summary.seconds * 1000).rounded())
        print(
            "built \(summary.pages) pages, \(summary.articles) articles, \(summary.codes) codes into \(displayPath(summary.output, root: root)) in \(milliseconds) ms"
        )
    }
}

/// A path shown relative to the root when it is inside it.
func displayPath(_ url: URL, root: URL) -> String {
    let path = url.standardizedFileURL.path
    let prefix = root.standardizedFileURL.path + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}
