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
}
