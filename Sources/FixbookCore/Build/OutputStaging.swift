import Foundation

/// A build's output in the making: files are written into a hidden sibling folder as they are
/// rendered, then `commit` swaps it in whole (`OutputFolder` explains the folder dance). Safe to
/// call `write` from many threads at once.
public final class OutputStaging: @unchecked Sendable {
    public let output: URL
    let folder: URL
    private let previous: URL
    private let lock = NSLock()
    private var madeFolders: Set<String> = [""]
    private var written: Set<String> = []

    /// Checks the output may be replaced and claims a staging folder (the previous generation
    /// when there is one, so its files are overwritten in place).
    public init(output: URL) throws {
        let fileManager = FileManager.default
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        OutputFolder.recoverInterruptedSwap(self.output)
        try OutputFolder.checkReplaceable(self.output)
        OutputFolder.removeStaleStaging(self.output)
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        folder = parent.appendingPathComponent(
            ".\(self.output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        previous = OutputFolder.previousGeneration(self.output)
        try? fileManager.removeItem(at: folder)
        if OutputFolder.isFixbookFolder(previous) {
            try? fileManager.moveItem(at: previous, to: folder)
        }
        if !fileManager.fileExists(atPath: folder.path) {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: false)
        }
    }

    /// How many files were written so far.
    public var count: Int { lock.withLock { written.count } }

    /// Writes one file into the staging folder; its path must stay inside it.
    public func write(_ file: OutputFile) throws {
        guard let relative = OutputFolder.safeRelativePath(file.path) else {
            throw FixbookError("refusing to write outside the output folder: \(file.path)")
        }
        let parentFolder = (relative as NSString).deletingLastPathComponent
        try lock.withLock {
            guard madeFolders.insert(parentFolder).inserted else { return }
            let url = folder.appendingPathComponent(parentFolder)
            var isDirectory: ObjCBool = false
            // A reused generation may hold a file (or link) where this build needs a folder.
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                try FileManager.default.removeItem(at: url)
            }
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        let destination = folder.path + "/" + relative
        switch file.contents {
        case .text(let text):
            var text = text
            try text.withUTF8 { try OutputFolder.writeFile($0, to: destination) }
        case .stream(let produce):
            let descriptor = try OutputFolder.openForWriting(destination)
            defer { close(descriptor) }
            var length = 0
            try produce { chunk in
                try chunk.withUnsafeBufferPointer { try OutputFolder.writeAll($0, to: descriptor, path: destination) }
                length += chunk.count
            }
            try OutputFolder.finish(descriptor, length: length, path: destination)
        case .copy(let source):
            try? FileManager.default.removeItem(atPath: destination)
            try FileManager.default.copyItem(atPath: source, toPath: destination)
        }
        lock.withLock { _ = written.insert(relative) }
    }

    /// Removes what the reused generation held that this build did not write, marks the folder
    /// as Fixbook's, and swaps it in.
    public func commit() throws {
        try removeUnwritten()
        try Data("Fixbook output; this folder is replaced on every build.\n".utf8)
            .write(to: folder.appendingPathComponent(OutputFolder.markerName))
        try OutputFolder.swap(folder, into: output, keepingOldAs: previous)
    }

    /// Gives up: the staging folder is deleted and the output is left as it was.
    public func abandon() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func removeUnwritten() throws {
        let fileManager = FileManager.default
        let keep = lock.withLock { written.union([OutputFolder.markerName]) }
        guard let enumerator = fileManager.enumerator(atPath: folder.path) else { return }
        var folders: [String] = []
        for case let path as String in enumerator {
            let url = folder.appendingPathComponent(path)
            let type = (try? fileManager.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                folders.append(path)
            } else if !keep.contains(path) {
                try fileManager.removeItem(at: url)
            }
        }
        for path in folders.sorted(by: >)
        where (try? fileManager.contentsOfDirectory(atPath: folder.path + "/" + path))?.isEmpty == true {
            try fileManager.removeItem(atPath: folder.path + "/" + path)
        }
    }
}
