import Foundation
import Testing

@testable import FixbookCore

/// The manifest lets a rebuild skip files the reused generation already holds, without reading
/// them, and never skips one that changed on disk since.
@Suite struct OutputManifestTests {
    private let parent = FileManager.default.temporaryDirectory.appendingPathComponent(
        "fixbook-manifest-\(UUID().uuidString)")
    private var output: URL { parent.appendingPathComponent("Output") }
    private var previous: URL { parent.appendingPathComponent(".Output.previous") }

    /// One build of `files` (path → text) through `OutputStaging`; returns how many it skipped.
    private func build(_ files: [String: String]) throws -> Int {
        let staging = try OutputStaging(output: output)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try staging.write(OutputFile(path: path, text: text))
        }
        try staging.commit()
        return staging.unchangedCount
    }

    private func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aRebuildOfUnchangedFilesSkipsThemAll() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let files = ["index.html": "<p>首页</p>", "articles/a.html": "<p>0x800CCC0F</p>", "b.js": "x"]
        #expect(try build(files) == 0)
        // The second build reuses nothing yet: the first one's generation is the live output.
        #expect(try build(files) == 0)
        #expect(try build(files) == 3)
        #expect(try build(files) == 3)
        var changed = files
        changed["b.js"] = "y"
        #expect(try build(changed) == 2)
        #expect(try read(output, "b.js") == "y")
    }

    @Test func aFileChangedOnDiskSinceIsRewrittenEvenWithItsOldTimes() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let files = ["index.html": "<p>解决方法</p>", "other.html": "<p>550</p>"]
        for _ in 0..<3 { _ = try build(files) }
        // The next build reuses `previous`: edit a file there, same size, and put its time back.
        let tampered = previous.appendingPathComponent("index.html")
        let time = try FileManager.default.attributesOfItem(atPath: tampered.path)[.modificationDate] as! Date
        try Data("<p>解决办法</p>".utf8).write(to: tampered)
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: tampered.path)
        // and replace the other with a copy of itself: another inode
        let replaced = previous.appendingPathComponent("other.html")
        try FileManager.default.removeItem(at: replaced)
        try Data("<p>551</p>".utf8).write(to: replaced)
        #expect(try build(files) == 0)
        #expect(try read(output, "index.html") == "<p>解决方法</p>")
        #expect(try read(output, "other.html") == "<p>550</p>")
    }

    @Test func aDamagedManifestOnlyCostsTheSkipping() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let files = ["index.html": "<p>首页</p>", "a.html": "<p>a</p>"]
        for _ in 0..<2 { _ = try build(files) }
        let manifest = OutputManifest.location(of: previous)
        let bytes = try Data(contentsOf: manifest)
        try bytes.prefix(bytes.count - 9).write(to: manifest)  // the last record cut short
        #expect(try build(files) == 1)
        try Data("garbage".utf8).write(to: OutputManifest.location(of: previous))
        #expect(try build(files) == 0)
        #expect(try read(output, "index.html") == "<p>首页</p>")
    }

    @Test func manifestsLeftBehindByDeletedFoldersAreHarmless() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        for _ in 0..<3 { _ = try build(["index.html": "<p>aaaa</p>", "a.html": "1"]) }
        // Someone deletes both folders but not the manifests; new folders may get the old inodes.
        try FileManager.default.removeItem(at: output)
        try FileManager.default.removeItem(at: previous)
        let changed = ["index.html": "<p>bbbb</p>", "a.html": "2"]
        for _ in 0..<3 { _ = try build(changed) }
        #expect(try read(output, "index.html") == "<p>bbbb</p>")
        #expect(try read(output, "a.html") == "2")
        #expect(try read(previous, "index.html") == "<p>bbbb</p>")
    }

    @Test func aLinkWhereAManifestGoesIsReplacedNotFollowed() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let victim = parent.appendingPathComponent("victim.txt")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: victim)
        // A cloned repository can carry links under the names the build uses beside the output.
        for name in [".Output.manifest", ".Output.previous.manifest"] {
            try FileManager.default.createSymbolicLink(
                at: parent.appendingPathComponent(name), withDestinationURL: victim)
        }
        for _ in 0..<3 { _ = try build(["index.html": "<p>首页</p>"]) }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
        #expect(try build(["index.html": "<p>首页</p>"]) == 1)
    }

    @Test func recordsRoundTripWhateverThePath() throws {
        var manifest = OutputManifest()
        let paths = ["a.html", "带 空格/文件.html", "line\nbreak.html", "assets/search/d/99999.js"]
        for (number, path) in paths.enumerated() {
            let identity = FileIdentity(
                inode: UInt64(1000 + number), modified: (1_796_111_071, 269_627_413),
                changed: (-5, Int64(number)))
            manifest[path] = .init(hash: UInt64.max - UInt64(number), size: number * 7, identity: identity)
        }
        let parsed = OutputManifest.parse(manifest.serialized(folderInode: 42), folderInode: 42)
        #expect(parsed.entries == manifest.entries)
        // another folder's manifest, or none at all
        #expect(OutputManifest.parse(manifest.serialized(folderInode: 43), folderInode: 42).entries.isEmpty)
        #expect(OutputManifest.parse(Array("not a manifest\0".utf8), folderInode: 42).entries.isEmpty)
    }

    @Test func theHashTellsApartEveryOneByteChange() {
        func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { ContentHash.of($0) } }
        var seen: Set<UInt64> = []
        var count = 0
        // every length around the 16-byte step, and each byte of each flipped in turn
        for length in 0...40 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            seen.insert(hash(base))
            count += 1
            for position in 0..<length {
                var changed = base
                changed[position] ^= 1
                seen.insert(hash(changed))
                count += 1
            }
        }
        #expect(seen.count == count)
        #expect(hash(Array("a".utf8)) != hash(Array("a\0".utf8)))
        #expect(hash(Array("解决方法".utf8)) == hash(Array("解决方法".utf8)))
    }
}
