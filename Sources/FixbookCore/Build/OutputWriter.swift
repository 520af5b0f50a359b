import Foundation

/// Writes a build into a sibling temporary folder, then swaps it into place, so an interrupted
/// or failed build leaves the previous output complete.
///
/// The output folder is only replaced when it is missing, empty, or carries Fixbook's marker.
public enum OutputWriter {
    /// The file that marks a folder as written by Fixbook.
    public static let markerName = ".fixbook-output"

    public static func write(_ files: [OutputFile], to output: URL) throws {
        let fileManager = FileManager.default
        let output = output.standardizedFileURL
        try checkReplaceable(output)
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(
            ".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            try writeFiles(files, into: staging)
            try Data("Fixbook output; this folder is replaced on every build.\n".utf8)
                .write(to: staging.appendingPathComponent(markerName))
            try swap(staging, into: output)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// Refuses an output folder that holds someone else's files.
    static func checkReplaceable(_ output: URL) throws {
        let fileManager = FileManager.default
        if let attributes = try? fileManager.attributesOfItem(atPath: output.path),
            attributes[.type] as? FileAttributeType == .typeSymbolicLink
        {
            throw FixbookError("output \(output.path) is a symbolic link; refusing to write through it")
        }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw FixbookError("output \(output.path) exists and is not a folder") }
        let entries = try fileManager.contentsOfDirectory(atPath: output.path)
        if !entries.isEmpty, !entries.contains(markerName) {
            throw FixbookError(
                "output folder \(output.path) is not empty and was not written by Fixbook; choose another --output or empty it"
            )
        }
    }

    private static func writeFiles(_ files: [OutputFile], into staging: URL) throws {
        let fileManager = FileManager.default
        var madeFolders: Set<String> = [""]
        for file in files {
            guard let relative = safeRelativePath(file.path) else {
                throw FixbookError("refusing to write outside the output folder: \(file.path)")
            }
            let folder = (relative as NSString).deletingLastPathComponent
            if madeFolders.insert(folder).inserted {
                try fileManager.createDirectory(
                    at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let destination = staging.appendingPathComponent(relative)
            switch file.contents {
            case .text(let text):
                guard fileManager.createFile(atPath: destination.path, contents: Data(text.utf8)) else {
                    throw FixbookError("cannot write \(destination.path)")
                }
            case .copy(let source):
                try fileManager.copyItem(atPath: source, toPath: destination.path)
            }
        }
    }

    /// Moves the old output aside, the new one in, then deletes the old one.
    private static func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: old)
        try fileManager.moveItem(at: output, to: old)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: old, to: output)
            throw error
        }
        try? fileManager.removeItem(at: old)
    }

    /// The path when it stays inside the output folder: relative, no `..`, no NUL, no empty part.
    static func safeRelativePath(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return path
    }
}
