import Foundation

/// A build's output in the making: files are written into a hidden sibling folder as they are
/// rendered, then `commit` swaps it in whole (`OutputFolder` explains the folder dance). Safe to
/// call `write` from many threads at once.
public final class OutputStaging: @unchecked Sendable {
    public let output: URL
    let folder: URL
    private let previous: URL
    /// What the reused generation holds, by its own manifest; empty for a new folder.
    private let reused: OutputManifest
    private let lock = NSLock()
    private var madeFolders: Set<String> = [""]
    private var written: Set<String> = []
    private var manifest = OutputManifest()
    private var unchanged = 0

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
        // From here the folder changes: its old manifest must not outlive this build.
        let manifestFile = OutputManifest.location(of: previous)
        reused = OutputManifest.load(manifestFile, describing: folder)
        unlink(manifestFile.path)
    }

    /// How many files were written so far.
    public var count: Int { lock.withLock { written.count } }

    /// How many of them the reused generation already held, known from its manifest without
    /// reading them.
    public var unchangedCount: Int { lock.withLock { unchanged } }

    /// Writes one file into the staging folder; its path must stay inside it.
    public func write(_ file: OutputFile) throws {
        guard let relative = OutputFolder.safeRelativePath(file.path) else {
            throw FixbookError("refusing to write outside the output folder: \(file.path)")
        }
        // The part before the last `/` (the path is relative and has no empty parts).
        let parentFolder = relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relative[..<$0]) } ?? ""
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
        // Whole contents get a manifest entry; streamed and copied files are compared or copied.
        var recorded: (entry: OutputManifest.Entry, unchanged: Bool)?
        switch file.contents {
        case .text(let text):
            var text = text
            recorded = try text.withUTF8 { try write($0, at: relative, to: destination) }
        case .bytes(let bytes):
            recorded = try bytes.withUnsafeBufferPointer { try write($0, at: relative, to: destination) }
        case .stream(let produce):
            try FileRewriter.rewrite(destination) { file in
                try produce { chunk in try chunk.withUnsafeBufferPointer { try file.write($0) } }
            }
        case .copy(let source):
            try? FileManager.default.removeItem(atPath: destination)
            try FileManager.default.copyItem(atPath: source, toPath: destination)
        }
        lock.withLock {
            written.insert(relative)
            if let recorded {
                manifest[relative] = recorded.entry
                if recorded.unchanged { unchanged += 1 }
            }
        }
    }

    /// Writes whole contents unless the manifest shows the file already holds them; returns the
    /// file's entry and whether it was left as it was.
    private func write(
        _ buffer: UnsafeBufferPointer<UInt8>, at relative: String, to destination: String
    ) throws -> (entry: OutputManifest.Entry, unchanged: Bool) {
        let hash = ContentHash.of(UnsafeRawBufferPointer(buffer))
        if let entry = reused.unchangedEntry(relative, hash: hash, size: buffer.count, file: destination) {
            return (entry, true)
        }
        let identity = try OutputFolder.writeFile(buffer, to: destination)
        return (.init(hash: hash, size: buffer.count, identity: identity), false)
    }

    /// Removes what the reused generation held that this build did not write, marks the folder
    /// as Fixbook's, and swaps it in.
    public func commit() throws {
        try removeUnwritten()
        try Data("Fixbook output; this folder is replaced on every build.\n".utf8)
            .write(to: folder.appendingPathComponent(OutputFolder.markerName))
        let manifest = lock.withLock { self.manifest }
        try OutputFolder.swap(folder, into: output, keepingOldAs: previous)
        // The old output's manifest follows it to `previous`; a stray one is ignored by inode.
        let outputManifest = OutputManifest.location(of: output)
        rename(outputManifest.path, OutputManifest.location(of: previous).path)
        try? manifest.save(outputManifest, describing: output)
    }

    /// Gives up: the staging folder is deleted and the output is left as it was.
    public func abandon() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func removeUnwritten() throws {
        let keep = lock.withLock { written.union([OutputFolder.markerName]) }
        var folders: [String] = []
        for (path, isFolder) in Self.tree(folder.path) {
            if isFolder {
                folders.append(path)
            } else if !keep.contains(path), unlink(folder.path + "/" + path) != 0, errno != ENOENT {
                throw FixbookError("cannot remove \(path): \(String(cString: strerror(errno)))")
            }
        }
        // deepest first; `rmdir` only removes a folder that is empty
        for path in folders.sorted(by: >) { rmdir(folder.path + "/" + path) }
    }

    /// Every entry under `root` as (relative path, is a folder), without following links. Plain
    /// `readdir`: the type comes with the entry, where `FileManager` asks for each file's
    /// attributes with a system call of its own.
    private static func tree(_ root: String) -> [(String, Bool)] {
        var found: [(String, Bool)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    isFolder = lstat(root + "/" + path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
                }
                found.append((path, isFolder))
                if isFolder { pending.append(path) }
            }
        }
        return found
    }
}
