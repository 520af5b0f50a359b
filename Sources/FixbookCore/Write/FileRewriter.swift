import Foundation

/// Rewrites one file of the reused output generation (see `OutputFolder`), writing only from the
/// first byte that differs from what the file already holds. Rebuilding unchanged content then
/// reads instead of writing: no page is dirtied and nothing goes back to disk. Unchanged files also keep their modification time, so
/// an upload by `rsync` or a static host's sync sends only what changed.
struct FileRewriter {
    let path: String
    private let descriptor: Int32
    /// How long the file was before.
    private let oldLength: Int
    /// Bytes handed to `write` so far.
    private var offset = 0
    /// Whether a byte differed (or the old file ended): from then on everything is written.
    private var diverged: Bool
    private var previous: [UInt8] = []

    /// Opens `path` for reading and writing, never through a symbolic link. Not truncated: ext4
    /// starts writing a file back at `close` when it was truncated to zero and rewritten (its
    /// `auto_da_alloc` guard for editors); `finish` cuts the file to its new length instead.
    /// `length`, when known, is the new contents' length: a file of another length has changed,
    /// so it is written without being read first.
    init(path: String, length: Int? = nil) throws {
        self.path = path
        var descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EISDIR || errno == ELOOP {
            // The reused generation had a folder or a link here.
            try? FileManager.default.removeItem(atPath: path)
            descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw FixbookError("cannot create \(path): \(String(cString: strerror(errno)))") }
        self.descriptor = descriptor
        var status = stat()
        let oldLength = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        self.oldLength = oldLength
        diverged = oldLength == 0 || (length != nil && length != oldLength)
    }

    /// Opens `path`, lets `produce` write the new contents and finishes the file; after an error
    /// the file is closed as it is and the error goes on. Returns the finished file's identity.
    @discardableResult
    static func rewrite(
        _ path: String, length: Int? = nil, _ produce: (inout FileRewriter) throws -> Void
    ) throws -> FileIdentity {
        var file = try FileRewriter(path: path, length: length)
        do {
            try produce(&file)
        } catch {
            file.abandon()
            throw error
        }
        return try file.finish()
    }

    /// Appends `chunk` to the new contents.
    mutating func write(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        var start = 0
        if !diverged {
            start = try sameBytes(as: chunk)
            if start == chunk.count {
                offset += chunk.count
                return
            }
            diverged = true
        }
        var written = start
        while written < chunk.count {
            let count = pwrite(descriptor, chunk.baseAddress! + written, chunk.count - written, off_t(offset + written))
            if count < 0 {
                if errno == EINTR { continue }
                throw FixbookError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += count
        }
        offset += chunk.count
    }

    /// Cuts the file to what was written and closes it; call it exactly once. Returns the file's
    /// identity once written, for the manifest.
    func finish() throws -> FileIdentity {
        defer { close(descriptor) }
        var status = stat()
        guard offset == oldLength || ftruncate(descriptor, off_t(offset)) == 0, fstat(descriptor, &status) == 0 else {
            throw FixbookError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return FileIdentity(status)
    }

    /// Closes the file without cutting it, after an error.
    private func abandon() { close(descriptor) }

    /// How many leading bytes of `chunk` the file already holds at `offset`.
    private mutating func sameBytes(as chunk: UnsafeBufferPointer<UInt8>) throws -> Int {
        let length = min(chunk.count, oldLength - offset)
        guard length > 0 else { return 0 }
        if previous.count < length { previous = [UInt8](repeating: 0, count: length) }
        let read = previous.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(offset)) }
        guard read > 0 else { return 0 }
        return previous.withUnsafeBufferPointer { old in
            if memcmp(old.baseAddress!, chunk.baseAddress!, read) == 0 { return read }
            var same = 0
            while same < read, old[same] == chunk[same] { same += 1 }
            return same
        }
    }
}
