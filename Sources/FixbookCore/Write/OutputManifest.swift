import Foundation

/// What a build wrote into its output generation, file by file: a hash of the contents, the size,
/// and who the file was on disk afterwards (`FileIdentity`). The next build that reuses the
/// generation (see `OutputFolder`) leaves a file alone, without reading it, when the new contents
/// hash the same and the file is still the one recorded, instead of reading the old generation
/// back from disk to compare it.
///
/// Kept beside the output, not in it (`.Output.manifest` for `Output`, `.Output.previous.manifest`
/// for the generation kept for reuse), so the published folder stays the same for the same
/// content. The header names the folder's inode, which a rename keeps: a manifest that strayed
/// from its folder is ignored. Then one record per file, `<hash> <size> <inode> <mtime s>
/// <mtime ns> <ctime s> <ctime ns> <path>` ended by a NUL (a path may hold spaces or line
/// breaks, never a NUL). A record that does not parse is dropped: its file is then compared byte
/// by byte, as without a manifest.
struct OutputManifest: Sendable {
    private static let header = "fixbook-manifest 1 "

    struct Entry: Equatable, Sendable {
        var hash: UInt64
        var size: Int
        var identity: FileIdentity
    }

    private(set) var entries: [String: Entry] = [:]

    init() {}

    subscript(path: String) -> Entry? {
        get { entries[path] }
        set { entries[path] = newValue }
    }

    /// The entry of `path` when the file at `file` still holds contents of this hash and size:
    /// the entry matches, and the file on disk is the same inode, untouched since (a change time
    /// cannot be set back from user space, so any later write shows).
    func unchangedEntry(_ path: String, hash: UInt64, size: Int, file: String) -> Entry? {
        guard let entry = entries[path], entry.size == size, entry.hash == hash,
            FileIdentity(path: file) == entry.identity
        else { return nil }
        return entry
    }

    /// Where the manifest of the output folder (or kept generation) `folder` is stored.
    static func location(of folder: URL) -> URL {
        let name = folder.lastPathComponent
        return folder.deletingLastPathComponent().appendingPathComponent(
            (name.hasPrefix(".") ? "" : ".") + name + ".manifest")
    }

    /// The manifest stored at `file` when it describes `folder`; otherwise an empty one.
    /// Only a regular file is read: a link there (a cloned repository can hold one) is not
    /// followed.
    static func load(_ file: URL, describing folder: URL) -> OutputManifest {
        guard FileIdentity(path: file.path) != nil, let data = FileManager.default.contents(atPath: file.path),
            let inode = folderInode(folder)
        else { return OutputManifest() }
        return parse([UInt8](data), folderInode: inode)
    }

    /// Writes the manifest of `folder` to `file` as a new file: whatever was there, a link
    /// included, is removed first and never written through.
    func save(_ file: URL, describing folder: URL) throws {
        guard let inode = Self.folderInode(folder) else { throw FixbookError("cannot read \(folder.path)") }
        unlink(file.path)
        try Data(serialized(folderInode: inode)).write(to: file, options: .withoutOverwriting)
    }

    private static func folderInode(_ folder: URL) -> UInt64? {
        var status = stat()
        return lstat(folder.path, &status) == 0 ? UInt64(status.st_ino) : nil
    }

    static func parse(_ bytes: [UInt8], folderInode: UInt64) -> OutputManifest {
        var manifest = OutputManifest()
        let header = Array("\(Self.header)\(folderInode)\n".utf8)
        guard bytes.starts(with: header) else { return manifest }
        var start = header.count
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: 0) else { break }
            if let (path, entry) = record(bytes[start..<end]) { manifest.entries[path] = entry }
            start = end + 1
        }
        return manifest
    }

    /// One record, or nil when it is malformed.
    private static func record(_ bytes: ArraySlice<UInt8>) -> (String, Entry)? {
        var numbers: [UInt64] = []
        var index = bytes.startIndex
        while numbers.count < 7 {
            guard let space = bytes[index...].firstIndex(of: 0x20),
                let number = number(bytes[index..<space], radix: numbers.isEmpty ? 16 : 10)
            else { return nil }
            numbers.append(number)
            index = space + 1
        }
        let path = String(decoding: bytes[index...], as: UTF8.self)
        guard !path.isEmpty, let size = Int(exactly: numbers[1]) else { return nil }
        let identity = FileIdentity(
            inode: numbers[2], modified: (Int64(bitPattern: numbers[3]), Int64(bitPattern: numbers[4])),
            changed: (Int64(bitPattern: numbers[5]), Int64(bitPattern: numbers[6])))
        return (path, Entry(hash: numbers[0], size: size, identity: identity))
    }

    /// Lowercase digits of one field; nil when empty, not digits, or over 64 bits.
    private static func number(_ digits: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case 0x30...0x39: digit = UInt64(byte - 0x30)
            case 0x61...0x66 where radix == 16: digit = UInt64(byte - 0x61 + 10)
            default: return nil
            }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflowSum) = times.addingReportingOverflow(digit)
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
        }
        return value
    }

    /// The records, in no particular order: only this code reads them.
    func serialized(folderInode: UInt64) -> [UInt8] {
        var out = Array("\(Self.header)\(folderInode)\n".utf8)
        out.reserveCapacity(entries.count * 96)
        func field(_ value: UInt64, radix: UInt64 = 10) {
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 decimal digits
            withUnsafeMutableBytes(of: &digits) { buffer in
                var rest = value
                var end = buffer.count
                repeat {
                    end -= 1
                    let digit = UInt8(rest % radix)
                    buffer[end] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
                    rest /= radix
                } while rest > 0
                out.append(contentsOf: buffer[end...])
            }
            out.append(0x20)
        }
        for (path, entry) in entries {
            let identity = entry.identity
            field(entry.hash, radix: 16)
            field(UInt64(entry.size))
            field(identity.inode)
            field(UInt64(bitPattern: identity.modified.seconds))
            field(UInt64(bitPattern: identity.modified.nanoseconds))
            field(UInt64(bitPattern: identity.changed.seconds))
            field(UInt64(bitPattern: identity.changed.nanoseconds))
            out += path.utf8
            out.append(0)
        }
        return out
    }
}

/// Which file a path names and when it last changed, as `lstat` tells: enough to know it was not
/// replaced or written since.
struct FileIdentity: Equatable, Sendable {
    var inode: UInt64
    var modified: (seconds: Int64, nanoseconds: Int64)
    var changed: (seconds: Int64, nanoseconds: Int64)

    init(inode: UInt64, modified: (Int64, Int64), changed: (Int64, Int64)) {
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }

    init(_ status: stat) {
        inode = UInt64(status.st_ino)
        modified = (Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec))
        changed = (Int64(status.st_ctim.tv_sec), Int64(status.st_ctim.tv_nsec))
    }

    /// The identity of the regular file at `path`; nil for anything else (a link, a folder…).
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(status)
    }

    static func == (left: FileIdentity, right: FileIdentity) -> Bool {
        left.inode == right.inode && left.modified == right.modified && left.changed == right.changed
    }
}
