import CAtomicRename
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
        let parent = output.deletingLastPathComponent()
        recoverInterruptedSwap(output)
        try checkReplaceable(output)
        removeStaleStaging(output)
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

    /// A build killed between the two fallback renames leaves the output aside: put it back.
    static func recoverInterruptedSwap(_ output: URL) {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: output.path) else { return }
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).old-"
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        if let aside = names.filter({ $0.hasPrefix(prefix) }).sorted().last {
            try? fileManager.moveItem(at: parent.appendingPathComponent(aside), to: output)
        }
    }

    /// Staging folders of builds that were killed (their process is gone) are deleted.
    static func removeStaleStaging(_ output: URL) {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            for marker in [".\(output.lastPathComponent).building-", ".\(output.lastPathComponent).old-"]
            where name.hasPrefix(marker) {
                guard let pid = Int32(name.dropFirst(marker.count)), kill(pid, 0) != 0 else { continue }
                try? fileManager.removeItem(at: parent.appendingPathComponent(name))
            }
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
                try writeNew(text, to: destination.path)
            case .copy(let source):
                try fileManager.copyItem(atPath: source, toPath: destination.path)
            }
        }
    }

    /// Writes a file that must not exist yet. Plain `open`/`write`: the staging folder is swapped in
    /// whole, so a per-file temporary copy and `fsync` (what `createFile` does) buy nothing.
    private static func writeNew(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FixbookError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FixbookError("cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Puts the new output in place. On Linux the two folders are exchanged in one atomic
    /// `renameat2`, so a reader (or a `kill -9`) never sees a missing or half-written output.
    private static func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if fixbook_exchange_paths(staging.path, output.path) == 0 {
            try? fileManager.removeItem(at: staging)
            return
        }
        // Fallback for file systems without the exchange: two renames, the old folder kept
        // aside until the new one is in, and restored by the next build if we die between.
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
