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

    /// True for a Markdown article's path: `.md` or `.markdown` in any case (`A.MD`), as Hugo
    /// and MkDocs read them. Links to such a path are links to the article's page.
    public static func isArticlePath(_ path: String) -> Bool {
        hasExtension(path, in: ["md", "markdown"])
    }

    /// True when the file name ends in `.<one of extensions>`, compared without case.
    static func hasExtension(_ path: String, in extensions: [String]) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        let found = path[path.index(after: dot)...].lowercased()
        return extensions.contains(found)
    }

    /// Reads the content folder. Hidden files, editor junk and symlinks leading outside are skipped.
    public static func load(from directory: URL) throws -> ContentSources {
        var sources = ContentSources()
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FixbookError("content folder not found: \(directory.path)")
        }
        let (paths, skipped, _) = try listFiles(root)
        for (path, reason) in skipped {
            sources.diagnostics.append(
                Diagnostic(
                    rule: .fileSkipped, severity: .warning, location: SourceLocation(file: path, line: 1),
                    message: reason)
            )
        }
        let textPaths = paths.filter { Self.isArticlePath($0) || Self.dataFileNames.contains($0) }
        let textPathSet = Set(textPaths)
        for path in paths where !textPathSet.contains(path) && !Self.hasExtension(path, in: ["yml", "yaml"]) {
            sources.assets[path] = root.appendingPathComponent(path)
        }
        // Reading and decoding thousands of files is I/O plus UTF-8 validation: use every core.
        let rootPath = root.path + "/"
        let decoded = textPaths.parallelMap { path in
            decodeFile(path, data: FileManager.default.contents(atPath: rootPath + path))
        }
        for (source, problem) in decoded {
            if let problem { sources.diagnostics.append(problem) }
            guard let source else { continue }
            if Self.dataFileNames.contains(source.path) {
                sources.dataFiles[source.path] = source
            } else {
                sources.articles.append(source)
            }
        }
        sources.articles.sort { $0.path < $1.path }
        return sources
    }

    /// A content file's text, or the `unreadable-file` diagnostic that says why there is none: at
    /// the first byte that is not UTF-8, naming the encoding the file seems to be in.
    static func decodeFile(_ path: String, data: Data?) -> (SourceText?, Diagnostic?) {
        guard let data else { return (nil, unreadable(path, "cannot read the file")) }
        guard let text = SourceText.decode(data) else {
            if !SourceText.isUTF16(data), let problem = InvalidText.find(in: [UInt8](data)) {
                return (nil, unreadable(path, problem.message, line: problem.line, column: problem.column))
            }
            return (nil, unreadable(path, "the file is not valid UTF-8 (or UTF-16 with a BOM) text"))
        }
        return (SourceText(path: path, text: text), nil)
    }

    private static func unreadable(_ path: String, _ message: String, line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(
            rule: .unreadableFile, severity: .error, location: SourceLocation(file: path, line: line, column: column),
            message: message)
    }

    /// Content-relative paths of regular files under `root`, skipping what an editor leaves behind,
    /// the entries skipped for safety with the reason (symlinks out or in a loop, FIFOs…), and
    /// whether any entry was a symbolic link (or of a type the file system did not say).
    static func listFiles(
        _ root: URL
    ) throws -> (
        files: [String], skipped: [(path: String, reason: String)], linked: Bool
    ) {
        var result: [String] = []
        var skipped: [(String, String)] = []
        var linked = false
        var visited: Set<String> = [root.path]
        // `resolvedDirectory` is where `directory` really is, once its links are followed.
        func walk(_ directory: URL, resolvedDirectory: String, prefix: String) throws {
            for (name, type) in try entries(of: directory) where !isIgnored(name) {
                let url = directory.appendingPathComponent(name)
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                // Plain files and folders (no link) stay where their folder is: no need to resolve
                // them, which costs several system calls a file.
                if type == UInt8(DT_REG) {
                    result.append(relative)
                    continue
                }
                if type == UInt8(DT_DIR) {
                    let resolved = resolvedDirectory + "/" + name
                    guard visited.insert(resolved).inserted else {
                        skipped.append((relative, "skipped: a symbolic link back into a folder already read (a loop)"))
                        continue
                    }
                    try walk(url, resolvedDirectory: resolved, prefix: relative)
                    continue
                }
                linked = true
                let resolved = url.resolvingSymlinksInPath()
                // A symlink may only point inside the content folder, and never into a loop.
                guard resolved.path == root.path || resolved.path.hasPrefix(root.path + "/") else {
                    skipped.append((relative, "skipped: a symbolic link that leads outside the content folder"))
                    continue
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else {
                    skipped.append((relative, "skipped: a symbolic link to nothing"))
                    continue
                }
                if isDirectory.boolValue {
                    guard visited.insert(resolved.path).inserted else {
                        skipped.append((relative, "skipped: a symbolic link back into a folder already read (a loop)"))
                        continue
                    }
                    try walk(url, resolvedDirectory: resolved.path, prefix: relative)
                } else if let type = try? FileManager.default.attributesOfItem(atPath: resolved.path)[.type]
                    as? FileAttributeType,
                    type == .typeRegular
                {
                    result.append(relative)
                } else {
                    skipped.append((relative, "skipped: not a regular file (a FIFO, socket or device)"))
                }
            }
        }
        try walk(root, resolvedDirectory: root.resolvingSymlinksInPath().path, prefix: "")
        return (result, skipped, linked)
    }

    /// The names in a folder, sorted, with their `readdir` types (`DT_UNKNOWN` where the file
    /// system does not say).
    private static func entries(of directory: URL) throws -> [(name: String, type: UInt8)] {
        guard let handle = opendir(directory.path) else {
            throw FixbookError("cannot read the folder \(directory.path): \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        var found: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { found.append((name, entry.pointee.d_type)) }
        }
        return found.sorted { $0.name < $1.name }
    }

    /// Hidden files, editor backups and lock files: never content.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~") || name.hasSuffix("~") || name.hasPrefix("#")
            || name.hasSuffix(".swp") || name == "Thumbs.db"
    }
}
