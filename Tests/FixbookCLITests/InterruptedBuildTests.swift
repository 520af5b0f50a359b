import FixbookTestSupport
import Foundation
import Testing

/// A build killed with SIGKILL at any moment leaves the previous output complete.
@Suite struct InterruptedBuildTests {
    @Test func killedBuildsLeaveThePreviousOutputIntact() throws {
        var files: [String: String] = [:]
        let paragraph = String(repeating: "收不到邮件时请检查设置。Check the server settings. ", count: 40)
        for index in 0..<400 {
            files["Content/a\(index).md"] = article(
                "title: 文章 \(index)\ncodes: [0x8000\(String(format: "%04X", index))]\ntags: [t\(index % 20)]",
                body: "\(paragraph)\n\n## 解决方法\n\n\(paragraph)\n"
            )
        }
        let site = try TemporarySite(files)
        defer { site.remove() }
        let cli = CLITests()
        #expect(try cli.run(["build", "--root", site.root.path]).status == 0)
        let before = site.files(under: "Output")
        let index = try site.read("Output/index.html")

        for delay in [0.005, 0.02, 0.05, 0.08, 0.12, 0.16, 0.2, 0.3, 0.45, 0.6] {
            let process = Process()
            process.executableURL = CLITests.executable
            process.arguments = ["build", "--root", site.root.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(site.files(under: "Output") == before, "output changed after a kill at \(delay)s")
            #expect(try site.read("Output/index.html") == index)
        }
        #expect(try cli.run(["build", "--root", site.root.path]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".Output")
                && ![".Output.previous", ".Output.manifest", ".Output.previous.manifest"].contains($0)
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
