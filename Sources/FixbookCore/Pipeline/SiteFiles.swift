import Foundation

/// A built site held in memory, by output path: what `fixbook serve` serves.
public struct SiteFiles: Sendable, Equatable {
    public var files: [String: [UInt8]] = [:]

    public init() {}

    /// The bytes of `file` as `fixbook build` would write them.
    public static func bytes(of file: OutputFile) throws -> [UInt8] {
        switch file.contents {
        case .text(let text): return Array(text.utf8)
        case .bytes(let bytes): return bytes
        case .stream(let produce):
            var bytes: [UInt8] = []
            try produce { bytes += $0 }
            return bytes
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                throw FixbookError("cannot read \(source)")
            }
            return [UInt8](data)
        }
    }

    /// Whether a path is part of the search index, which an incremental build makes in the
    /// background.
    public static func isSearchFile(_ path: String) -> Bool {
        path == "search-index.json" || path == "assets/search-index.js" || path.hasPrefix("assets/search/")
    }
}

/// Collects the files a render hands over from several threads at once.
final class FileCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [String: [UInt8]] = [:]

    func add(_ file: OutputFile) throws {
        let bytes = try SiteFiles.bytes(of: file)
        lock.withLock { files[file.path] = bytes }
    }
}

extension SiteBuilder {
    /// Every file of the site in memory, rendered exactly as `build` writes them (without the
    /// search index unless `search`).
    public static func renderInMemory(
        _ model: SiteModel, root: URL, translations: (Translations, current: Int)? = nil, search: Bool = true
    ) throws -> SiteFiles {
        let collector = FileCollector()
        _ = try renderSite(model, root: root, translations: translations, search: search) { try collector.add($0) }
        var site = SiteFiles()
        site.files = collector.files
        return site
    }
}
