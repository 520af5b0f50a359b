import FixbookCore
import Foundation

/// What open pages ask about: the generation of the last good build and the last build's errors.
actor PreviewState {
    private var generation = 0
    private var errors = ""

    func succeeded() {
        generation += 1
        errors = ""
    }

    func failed(_ report: String) {
        errors = report
    }

    private struct Status: Encodable {
        var errors: String
        var generation: Int
    }

    /// `{"errors":"…","generation":N}`
    func status() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Status(errors: errors, generation: generation))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs the normal pipeline into the preview folder; a build with errors keeps the last good site.
actor PreviewBuilder {
    let root: URL
    let output: URL
    let includeDrafts: Bool
    let state: PreviewState
    let log: @Sendable (String) -> Void

    init(root: URL, output: URL, includeDrafts: Bool, state: PreviewState, log: @escaping @Sendable (String) -> Void) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.state = state
        self.log = log
    }

    func rebuild() async {
        do {
            let (report, summary) = try SiteBuilder.build(
                root: root, options: .init(includeDrafts: includeDrafts, output: output.path)
            )
            if let summary {
                await state.succeeded()
                let warnings = report.warningCount == 0 ? "" : ", \(report.warningCount) warnings"
                log("built \(summary.articles) articles in \(Int((summary.seconds * 1000).rounded())) ms\(warnings)")
            } else {
                let text = report.diagnostics.filter { $0.severity == .error }.map {
                    "\($0.location.file):\($0.location.line):\($0.location.column): error[\($0.rule)]: \($0.message)"
                }.joined(separator: "\n")
                await state.failed(text)
                log("build failed, still serving the last good site:\n" + text)
            }
        } catch {
            await state.failed("\(error)")
            log("build failed: \(error)")
        }
    }
}
