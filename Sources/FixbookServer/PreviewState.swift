import FixbookCore
import Foundation

/// What the preview serves and what open pages ask about: the files of the last good build, its
/// generation, and the last build's errors. Pages wait on `status(after:)` for the next change,
/// so a reload starts the moment a build is done.
actor PreviewState {
    private var generation = 0
    private var errors = ""
    private var files: [String: [UInt8]] = [:]
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    func succeeded(_ files: [String: [UInt8]]) {
        generation += 1
        errors = ""
        self.files = files
        wakeWaiters()
    }

    func failed(_ report: String) {
        errors = report
        wakeWaiters()
    }

    func file(_ path: String) -> [UInt8]? { files[path] }

    private struct Status: Encodable {
        var errors: String
        var generation: Int
    }

    /// `{"errors":"…","generation":N}`, at once, or when the generation differs from `after`
    /// (or the errors from `seenErrors`), or after `timeout` at the latest: short, so that
    /// stopping the server, which lets open requests finish, is not held up.
    func status(after: Int? = nil, seenErrors: String? = nil, timeout: Duration = .seconds(2)) async -> String {
        if let after, after == generation, (seenErrors ?? errors) == errors {
            let id = nextWaiter
            nextWaiter += 1
            await withCheckedContinuation { continuation in
                waiters[id] = continuation
                Task {
                    try? await Task.sleep(for: timeout)
                    self.wake(id)
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Status(errors: errors, generation: generation))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private func wake(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }

    private func wakeWaiters() {
        let waiting = waiters.values
        waiters = [:]
        for waiter in waiting { waiter.resume() }
    }
}

/// Keeps the site up to date with the files: an incremental build after each change, the result
/// handed to the state; a build with errors keeps the last good site.
final class PreviewBuilder: @unchecked Sendable {
    let site: IncrementalSite
    let state: PreviewState
    let log: @Sendable (String) -> Void
    /// Log how long each step of an update took.
    let timings: Bool

    init(site: IncrementalSite, state: PreviewState, timings: Bool, log: @escaping @Sendable (String) -> Void) {
        self.site = site
        self.state = state
        self.timings = timings
        self.log = log
    }

    /// One build; called from one thread at a time. `changedFiles`: the files written over since
    /// the last build, when the kernel told them.
    func rebuild(changedFiles: Set<String>? = nil) async {
        do {
            let update = try site.update(changedFiles: changedFiles)
            if update.succeeded {
                if update.articlesChanged == 0 && update.filesChanged == 0 && !update.full { return }
                await state.succeeded(site.site.files)
                let warnings = update.report.warningCount == 0 ? "" : ", \(update.report.warningCount) warnings"
                let scope =
                    update.full
                    ? "built the site" : "rebuilt \(update.articlesChanged) article(s), \(update.filesChanged) file(s)"
                log("\(scope) in \(Int((update.seconds * 1000).rounded())) ms\(warnings)")
                if timings {
                    for (name, seconds) in update.phases { log("  \(Int((seconds * 1000).rounded())) ms  \(name)") }
                    if !update.changedPaths.isEmpty {
                        log("  changed: " + update.changedPaths.prefix(12).joined(separator: ", "))
                    }
                }
            } else {
                let text = update.report.diagnostics.filter { $0.severity == .error }.map {
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
