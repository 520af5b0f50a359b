import FixbookCore
import Foundation
import Testing

@Suite struct FrontMatterTests {
    private func decode(_ text: String, path: String = "a.md") -> (ArticleMetadata, [Diagnostic]) {
        guard case .success(let split) = FrontMatterSplitter.split(text) else {
            Issue.record("split failed")
            return (ArticleMetadata(), [])
        }
        return ArticleMetadataDecoder.decode(split, path: path)
    }

    @Test func splitsAndKeepsBodyLine() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: x\n---\nbody\n").get()
        #expect(split.yaml == "title: x")
        #expect(split.body == "body\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func edgesOfTheSplit() throws {
        let empty = try FrontMatterSplitter.split("---\n---\nbody").get()
        #expect(empty.yaml == "" && empty.body == "body" && empty.bodyFirstLine == 3)
        let noBody = try FrontMatterSplitter.split("---\ntitle: x\n---").get()
        #expect(noBody.yaml == "title: x" && noBody.body == "" && noBody.bodyFirstLine == 4)
        let dots = try FrontMatterSplitter.split("---  \na: 1\nb: 2\n...\n\n# h\n").get()
        #expect(dots.yaml == "a: 1\nb: 2" && dots.body == "\n# h\n" && dots.bodyFirstLine == 5)
        #expect(FrontMatterSplitter.split("") == .failure(.missing))
        #expect(FrontMatterSplitter.split("---") == .failure(.unterminated))
    }

    @Test func missingAndUnterminated() {
        #expect(FrontMatterSplitter.split("# no front matter") == .failure(.missing))
        #expect(FrontMatterSplitter.split("---\ntitle: x\n") == .failure(.unterminated))
    }

    @Test func codesKeepTheirWrittenForm() {
        let (metadata, diagnostics) = decode(
            "---\ntitle: t\ncodes:\n  - 0x800CCC0F\n  - 550\n  - 0x800ccc0e\n  - code: 5.1.1\n    message: User Unknown\n---\n"
        )
        #expect(diagnostics.isEmpty)
        #expect(metadata.codes.map(\.code.written) == ["0x800CCC0F", "550", "0x800ccc0e", "5.1.1"])
        #expect(metadata.codes.map(\.code.key) == ["0x800CCC0F", "550", "0x800CCC0E", "5.1.1"])
        #expect(metadata.codes.map(\.line) == [4, 5, 6, 7])
        #expect(metadata.codes[3].message == "User Unknown")
    }

    @Test func keyLinesAreFileLines() {
        let (metadata, _) = decode("---\ntitle: t\n\ntags: [a, b]\nupdated: 2026-11-20\n---\n")
        #expect(metadata.keyLines["title"] == 2)
        #expect(metadata.keyLines["tags"] == 4)
        #expect(metadata.updated == "2026-11-20")
        #expect(metadata.tags == ["a", "b"])
    }

    @Test func wrongTypesAreErrorsAtTheirLine() {
        let (_, diagnostics) = decode(
            "---\ntitle: t\ntags: outlook\norder: first\ndraft: maybe\nsymptoms:\n  key: value\n---\n")
        #expect(diagnostics.map(\.rule.rawValue) == ["wrong-type", "wrong-type", "wrong-type", "wrong-type"])
        #expect(diagnostics.map(\.location.line) == [3, 4, 5, 7])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func unknownKeyWarnsWithSuggestion() {
        let (_, diagnostics) = decode("---\ntitle: t\ntag: [a]\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].rule.rawValue == "unknown-key")
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].location.line == 3)
        #expect(diagnostics[0].suggestion == "tags")
    }

    /// A symptom or tag listed twice would show twice on the page: the repeat is reported at its
    /// line, naming the first one's, and left out.
    @Test func aRepeatedSymptomOrTagIsReportedAndShownOnce() {
        let (metadata, diagnostics) = decode(
            "---\ntitle: t\nsymptoms:\n  - Mail is slow\n  - Mail is late\n  - Mail is slow\ntags: [a, b, a]\n---\n")
        #expect(metadata.symptoms == ["Mail is slow", "Mail is late"])
        #expect(metadata.tags == ["a", "b"])
        #expect(diagnostics.map(\.rule.rawValue) == ["repeated-entry", "repeated-entry"])
        #expect(diagnostics.map(\.location.line) == [6, 7])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(
            diagnostics[0].message
                == "'Mail is slow' is listed in 'symptoms' already, on line 4; the page shows it once")
    }

    /// A word listed twice in one synonym group is reported where the repeat stands and left out;
    /// the same word in two groups is not a repeat.
    @Test func aWordRepeatedInASynonymGroupIsReported() {
        let (groups, diagnostics) = Synonyms.decode(
            "- [登录, 登陆]\n- [不明文件夹, 隔离区, 垃圾箱, 隔离区]\n- [隔离区, quarantine]\n", path: "Content/synonyms.yml")
        #expect(groups == [["登录", "登陆"], ["不明文件夹", "隔离区", "垃圾箱"], ["隔离区", "quarantine"]])
        #expect(diagnostics.map(\.rule.rawValue) == ["repeated-entry"])
        #expect(diagnostics.map(\.location.line) == [2])
        #expect(diagnostics.map(\.location.column) == [21])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.first?.message == "'隔离区' is listed in this synonym group already")
    }

    @Test func invalidYAMLReportsTheFileLine() {
        let (_, diagnostics) = decode("---\ntitle: t\nsummary: [unclosed\ntags: [a]\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].rule.rawValue == "front-matter-invalid")
        #expect(diagnostics[0].location.line >= 3)
    }

    @Test func malformedCodeIsReportedAtItsLine() {
        let (metadata, diagnostics) = decode("---\ntitle: t\ncodes:\n  - 0x800CCCOF\n---\n")
        #expect(metadata.codes.isEmpty)
        #expect(diagnostics.map(\.rule.rawValue) == ["malformed-code"])
        #expect(diagnostics[0].location.line == 4)
        #expect(diagnostics[0].suggestion == "0x800CCC0F")
    }

    @Test func duplicateKeysAreInvalid() {
        let (_, diagnostics) = decode("---\ntitle: a\ntitle: b\n---\n")
        #expect(diagnostics.map(\.rule.rawValue) == ["front-matter-invalid"])
    }

    @Test func bomAndCRLFAreNormalized() {
        let text = SourceText.decode(
            Array("\u{FEFF}---\r\ntitle: t\r\n---\r\nbody\r\n".utf8).withUnsafeBufferPointer { Data($0) })
        #expect(text == "---\ntitle: t\n---\nbody\n")
    }

    @Test func aliasBombStaysSmall() {
        var yaml = "---\ntitle: t\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<9 {
            yaml +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let (metadata, diagnostics) = decode(yaml + "---\n")
        #expect(metadata.title == "t")
        #expect(diagnostics.allSatisfy { $0.rule.rawValue == "unknown-key" })
    }
}
