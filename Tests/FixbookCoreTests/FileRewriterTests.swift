import Foundation
import Testing

@testable import FixbookCore

/// `FileRewriter` writes only from the first byte that differs from the file on disk.
@Suite struct FileRewriterTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "fixbook-rewriter-\(UUID().uuidString)")

    private func path(_ name: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    private func rewrite(_ path: String, chunks: [String], knownLength: Bool = false) throws {
        let length = knownLength ? chunks.map(\.utf8.count).reduce(0, +) : nil
        try FileRewriter.rewrite(path, length: length) { file in
            for chunk in chunks {
                var text = chunk
                try text.withUTF8 { try file.write($0) }
            }
        }
    }

    private func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    private func modified(_ path: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    }

    private func age(_ path: String) throws {
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
    }

    @Test func unchangedContentIsNotWritten() throws {
        let file = try path("same.html")
        defer { try? FileManager.default.removeItem(at: folder) }
        try rewrite(file, chunks: ["<p>解决方法</p>", "\n"])
        try age(file)
        try rewrite(file, chunks: ["<p>解决", "方法</p>\n"])
        #expect(try contents(file) == "<p>解决方法</p>\n")
        #expect(try modified(file) == Date(timeIntervalSince1970: 1_000_000_000))
    }

    @Test(arguments: [
        (["abcdef"], ["abXdef"], "abXdef"),  // a byte in the middle
        (["abcdef"], ["abc"], "abc"),  // shorter: cut
        (["abc"], ["abc", "def"], "abcdef"),  // longer: appended
        (["abc", "def"], ["abc", "dXf", "ghi"], "abcdXfghi"),  // differs in a later chunk
        (["abcdef"], [""], ""),  // emptied
        ([], ["new"], "new"),  // a new file
    ])
    func changedContentEndsUpExact(before: [String], after: [String], expected: String) throws {
        let file = try path("changed-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: folder) }
        for knownLength in [false, true] {
            if !before.isEmpty { try rewrite(file, chunks: before) }
            try rewrite(file, chunks: after, knownLength: knownLength)
            #expect(try contents(file) == expected)
        }
    }

    @Test func aLinkInTheWayIsReplacedNotFollowed() throws {
        let target = try path("outside.txt")
        let file = try path("page.html")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "keep me".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: target)
        try rewrite(file, chunks: ["page"])
        #expect(try contents(target) == "keep me")
        #expect(try contents(file) == "page")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    }
}
