import ArgumentParser
import FixbookCore
import Foundation

/// `fixbook init [DIR]`: scaffolds a knowledge base that builds and checks clean at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Scaffold a new knowledge base.")

    @Argument(help: "The folder to create the knowledge base in (default: the current folder).")
    var directory: String = "."

    @Option(help: "The site's language (BCP 47): zh-CN gives the Chinese interface.")
    var language = "en"

    @Option(
        help: ArgumentHelp(
            "A help center in several languages, the default first (zh-CN,en): each gets Content/<language>/.",
            valueName: "tags"))
    var languages: String?

    @Flag(help: "Also write the default theme into Templates/ to customise it.")
    var withTheme = false

    func run() throws {
        let root = URL(
            fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        ).standardizedFileURL
        guard !FileManager.default.fileExists(atPath: root.appendingPathComponent("fixbook.yml").path) else {
            throw FixbookError("\(root.path) already has a fixbook.yml; nothing was written")
        }
        let tags =
            languages.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [language]
        for tag in tags where !SiteLanguage.isValidTag(tag) {
            throw FixbookError("'\(tag)' is not a language tag; use BCP 47 tags such as en, zh-CN or pt-BR")
        }
        guard Set(tags.map { $0.lowercased() }).count == tags.count, !tags.isEmpty else {
            throw FixbookError("--languages lists a language twice: \(tags.joined(separator: ","))")
        }
        var files = KnowledgeBaseScaffold.files(languages: tags)
        if withTheme {
            for (path, text) in KnowledgeBaseScaffold.theme { files["Templates/" + path] = text }
        }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                print("kept \(path) (it exists)")
                continue
            }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            print("created \(path)")
        }
        print("next: fixbook build --root \(directory), then open \(directory)/Output/index.html")
    }
}
