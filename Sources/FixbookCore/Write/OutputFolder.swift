import CAtomicRename
import Foundation

/// The rules of the output folder: a build is written into a sibling temporary folder (see
/// `OutputStaging`), then swapped into place, so an interrupted or failed build leaves the
/// previous output complete.
///
/// The folder swapped out is kept as `.<output>.previous` and becomes the next build's staging
/// folder: overwriting its files keeps their inodes, which on ext4 costs a fraction of creating
/// (and later deleting) thousands of new files. The output folder is only replaced when it is
/// missing, empty, or carries Fixbook's marker.
public enum OutputFolder {
    /// The file that marks a folder as written by Fixbook.
    public static let markerName = ".fixbook-output"

    /// Where the generation before the current output is kept for reuse.
    static func previousGeneration(_ output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous")
    }

    /// A real folder (not a symlink) that carries Fixbook's marker.
    static func isFixbookFolder(_ url: URL) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        return attributes?[.type] as? FileAttributeType == .typeDirectory
            && FileManager.default.fileExists(atPath: url.appendingPathComponent(markerName).path)
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

    /// Writes (or overwrites) one file. Plain `open`/`write`: the staging folder is swapped in whole,
    /// so a per-file temporary copy and `fsync` (what `createFile` does) buy nothing.
    @discardableResult
    static func writeFile(_ buffer: UnsafeBufferPointer<UInt8>, to path: String) throws -> FileIdentity {
        try FileRewriter.rewrite(path, length: buffer.count) { try $0.write(buffer) }
    }

    /// Puts the new output in place and keeps the old one as `previous`. On Linux the two folders
    /// are exchanged in one atomic `renameat2`, so a reader (or a `kill -9`) never sees a missing
    /// or half-written output.
    static func swap(_ staging: URL, into output: URL, keepingOldAs previous: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if fixbook_exchange_paths(staging.path, output.path) != 0 {
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
            try? fileManager.moveItem(at: old, to: staging)
        }
        // `staging` now holds the old output: keep it for the next build, if the name is free.
        if !fileManager.fileExists(atPath: previous.path), (try? fileManager.moveItem(at: staging, to: previous)) != nil
        {
            return
        }
        try? fileManager.removeItem(at: staging)
    }

    /// The path when it stays inside the output folder: relative, no `..`, no NUL, no empty part.
    static func safeRelativePath(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0), !path.utf8.contains(UInt8(ascii: "\\"))
        else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return path
    }
}
