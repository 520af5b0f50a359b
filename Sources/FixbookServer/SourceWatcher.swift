import Foundation

/// Notices edits by polling: the path, size and modification time of every file under the site
/// root (the output folders aside). Polling works on every file system and editor save style.
struct SourceWatcher: Sendable {
    let root: URL

    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                options: [.skipsHiddenFiles, .skipsPackageDescendants]
            )
        else { return result }
        for case let url as URL in enumerator {
            let relative = String(url.path.dropFirst(root.path.count))
            if relative.hasPrefix("/Output") || relative.hasPrefix("/.build") {
                enumerator.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            result[relative] =
                "\(values?.fileSize ?? -1)@\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }
        return result
    }

    /// Waits for the files to differ from `previous`, then for them to hold still for `settle`,
    /// and returns their fingerprint then; nil once the task is cancelled. An editor may be
    /// halfway through a save (a file emptied, then written): the build waits for the end of it.
    func nextChange(
        from previous: [String: String], every interval: Duration = .milliseconds(400),
        settle: Duration = .milliseconds(150)
    ) async -> [String: String]? {
        var now = fingerprint()
        while now == previous {
            guard (try? await Task.sleep(for: interval)) != nil else { return nil }
            now = fingerprint()
        }
        while true {
            guard (try? await Task.sleep(for: settle)) != nil else { return nil }
            let later = fingerprint()
            if later == now { return now }
            now = later
        }
    }
}
