import FixbookCore
import Foundation

/// A site written to a fresh temporary folder from inline files, for integration tests.
public struct TemporarySite: Sendable {
    public let root: URL

    /// Writes `files` (path → contents) under a new folder; `Templates/` is linked from the repo
    /// unless `withTemplates` is false, so tests use the real default theme.
    public init(_ files: [String: String], withTemplates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fixbook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, contents) in files {
            try write(path, contents)
        }
        if withTemplates {
            try FileManager.default.createSymbolicLink(
                at: root.appendingPathComponent("Templates"),
                withDestinationURL: repositoryRoot.appendingPathComponent("Templates"))
        }
    }

    public func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Every file path under `folder`, relative to it, sorted.
    public func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var result: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                result.append(path)
            }
        }
        return result.sorted()
    }
}

/// The repository root (the folder holding Package.swift), found from this source file.
public let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

/// A minimal valid article with the given front-matter lines and body.
public func article(_ frontMatter: String, body: String = "正文。\n\n## 解决方法\n\n按步骤处理。\n") -> String {
    "---\n\(frontMatter)\n---\n\(body)"
}
