import Foundation

/// Everything read from the content folder, before any parsing.
public struct ContentSources: Sendable {
    /// Markdown articles, sorted by path.
    public var articles: [SourceText] = []
    /// Optional data files at the content root, by file name (`categories.yml`…).
    public var dataFiles: [String: SourceText] = [:]
    /// Other files (images, PDFs) by content-relative path; copied to the output.
    public var assets: [String: URL] = [:]
    /// Files that could not be read, as diagnostics.
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// The data files Fixbook reads from the content root.
    public static let dataFileNames: Set<String> = ["categories.yml", "codes.yml", "synonyms.yml", "search-tests.yml"]

    /// Reads the content folder. Hidden files, editor junk and symlinks leading outside are skipped.
    public static func load(from directory: URL) throws -> ContentSources {
        var sources = ContentSources()
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FixbookError("content folder not found: \(directory.path)")
        }
        for path in try listFiles(root) {
            let url = root.appendingPathComponent(path)
            if path.hasSuffix(".md") || path.hasSuffix(".markdown") || Self.dataFileNames.contains(path) {
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    sources.diagnostics.append(unreadable(path, "cannot read the file"))
                    continue
                }
                guard let text = SourceText.decode(data) else {
                    sources.diagnostics.append(
                        unreadable(path, "the file is not valid UTF-8 (or UTF-16 with a BOM) text"))
                    continue
                }
                let source = SourceText(path: path, text: text)
                if Self.dataFileNames.contains(path) {
                    sources.dataFiles[path] = source
                } else {
                    sources.articles.append(source)
                }
            } else if !path.hasSuffix(".yml"), !path.hasSuffix(".yaml") {
                sources.assets[path] = url
            }
        }
        sources.articles.sort { $0.path < $1.path }
        return sources
    }

    private static func unreadable(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(
            rule: "unreadable-file", severity: .error, location: SourceLocation(file: path, line: 1), message: message)
    }

    /// Content-relative paths of regular files under `root`, skipping what an editor leaves behind.
    static func listFiles(_ root: URL) throws -> [String] {
        var result: [String] = []
        var visited: Set<String> = [root.path]
        func walk(_ directory: URL, prefix: String) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            for name in names where !isIgnored(name) {
                let url = directory.appendingPathComponent(name)
                let resolved = url.resolvingSymlinksInPath()
                // A symlink may only point inside the content folder, and never into a loop.
                guard resolved.path == root.path || resolved.path.hasPrefix(root.path + "/") else { continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else { continue }
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                if isDirectory.boolValue {
                    guard visited.insert(resolved.path).inserted else { continue }
                    try walk(url, prefix: relative)
                } else if let type = try? FileManager.default.attributesOfItem(atPath: resolved.path)[.type]
                    as? FileAttributeType,
                    type == .typeRegular
                {
                    result.append(relative)
                }
            }
        }
        try walk(root, prefix: "")
        return result
    }

    /// Hidden files, editor backups and lock files: never content.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~") || name.hasSuffix("~") || name.hasPrefix("#")
            || name.hasSuffix(".swp") || name == "Thumbs.db"
    }
}
