import FixbookCore
import FixbookTestSupport
import Foundation
import Testing

/// The sample knowledge base in `Content/` builds cleanly and browses offline.
@Suite(.serialized) struct SampleSiteTests {
    /// Builds the repository's sample site into a temporary output folder once.
    static let built: (output: URL, report: ValidationReport) = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fixbook-sample-\(UUID().uuidString)")
        let (report, _) = try! SiteBuilder.build(
            root: repositoryRoot, options: .init(output: output.path, today: "2026-11-29"))
        return (output, report)
    }()

    @Test func passesWithZeroDiagnostics() {
        #expect(Self.built.report.diagnostics.isEmpty, "\(Self.built.report.diagnostics)")
        #expect(Self.built.report.coverage.map { $0.covered == $0.total } == true)
    }

    /// Two builds of the same input are byte-identical, every language and the top included.
    @Test func aSecondBuildWritesTheSameBytes() throws {
        let again = FileManager.default.temporaryDirectory.appendingPathComponent("fixbook-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try SiteBuilder.build(root: repositoryRoot, options: .init(output: again.path, today: "2026-11-29"))
        func files(_ root: URL) throws -> [String: Data] {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
            var found: [String: Data] = [:]
            for case let url as URL in enumerator
            where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                found[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
            }
            return found
        }
        let first = try files(Self.built.output)
        let second = try files(again)
        #expect(first.count > 300)
        #expect(Set(first.keys) == Set(second.keys))
        #expect(first.keys.filter { first[$0] != second[$0] }.sorted() == [])
        #expect(first["/en/search-index.json"] != nil && first["/index.html"] != nil)
    }

    @Test func everyLinkResolvesToAFileInsideTheOutput() throws {
        let output = Self.built.output
        let pages = try htmlPages(output)
        #expect(pages.count > 50)
        var broken: [String] = []
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            for reference in references(in: html) {
                if reference.hasPrefix("mailto:") { continue }
                #expect(!reference.contains("://"), "\(page.lastPathComponent) requests \(reference)")
                #expect(!reference.hasPrefix("/"), "\(page.lastPathComponent) has root-absolute \(reference)")
                let path = String(reference.prefix { $0 != "#" && $0 != "?" })
                if path.isEmpty { continue }
                let target = page.deletingLastPathComponent().appendingPathComponent(
                    path.removingPercentEncoding ?? path
                ).standardizedFileURL
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
                if !exists || isDirectory.boolValue || !target.path.hasPrefix(output.standardizedFileURL.path + "/") {
                    broken.append("\(page.path): \(reference)")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(20))")
    }

    @Test(arguments: ["zh-cn", "en"]) func everyTopicIsTwoClicksFromHomeAndOnItsCodePages(language: String) throws {
        let output = Self.built.output.appendingPathComponent(language)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        var reachable: Set<String> = []
        for first in references(in: home) where first.hasSuffix(".html") {
            reachable.insert(first)
            let url = output.appendingPathComponent(first)
            guard let page = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for second in references(in: page) {
                let resolved = url.deletingLastPathComponent().appendingPathComponent(second).standardizedFileURL.path
                reachable.insert(
                    String(resolved.dropFirst(output.standardizedFileURL.path.count + 1)).components(separatedBy: "#")[
                        0])
            }
        }
        let articles = try FileManager.default.contentsOfDirectory(
            atPath: output.appendingPathComponent("articles").path)
        #expect(articles.count >= 19)
        for name in articles {
            #expect(reachable.contains("articles/" + name), "\(name) is not within two clicks of the home page")
        }
        let index =
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("search-index.json")))
            as! [String: Any]
        for (key, ids) in index["codes"] as! [String: [String]] {
            guard case .valid(let code) = CodeNormalizer.parse(key) else {
                Issue.record("bad key \(key)")
                continue
            }
            let path = SiteURLs.code(code).removingPercentEncoding ?? ""
            let page = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            // (an article that quotes the code in a symptom answers it in search, but is not listed)
            let articles = index["articles"] as! [[String: Any]]
            let claimers = ids.filter { id in
                let entry = articles.first { $0["id"] as? String == id }
                let codes = entry?["codes"] as? [[String: Any]] ?? []
                return codes.contains { $0["key"] as? String == key && $0["quoted"] == nil }
            }
            #expect(!claimers.isEmpty, "no article claims \(key)")
            for id in claimers { #expect(page.contains("../articles/\(id).html"), "code page \(key) lacks \(id)") }
        }
    }

    private func htmlPages(_ root: URL) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "html" }
    }

    /// Every `href` and `src` the page follows or loads: its canonical address and its absolute
    /// `hreflang` alternates, which name pages on the web and are never requested, are left out.
    private func references(in html: String) -> [String] {
        var found: [String] = []
        let html = html.replacingOccurrences(
            of: "<link rel=\"canonical\" href=\"", with: "<link rel=\"canonical\" x=\""
        ).replacingOccurrences(
            of: "hreflang=\"([^\"]*)\" href=\"http", with: "hreflang=\"$1\" x=\"http", options: .regularExpression)
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let tail = rest[start.upperBound...]
                guard let end = tail.firstIndex(of: "\"") else { break }
                found.append(String(tail[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = tail[end...]
            }
        }
        return found
    }
}
