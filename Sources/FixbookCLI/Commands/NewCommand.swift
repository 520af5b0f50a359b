import ArgumentParser
import FixbookCore
import Foundation

/// `fixbook new TITLE`: scaffolds an article with the house headings; never overwrites.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Scaffold a new article.")

    @OptionGroup var options: RootOptions

    @Argument(help: "The article's title.")
    var title: String

    @Option(help: "URL name ([a-z0-9-]); made from the title or the codes when omitted.")
    var slug: String?

    @Option(help: "An error code the article solves (repeatable).")
    var code: [String] = []

    @Option(
        help:
            "A category: a key of categories.yml, or any text without one; the file goes into a folder named after it.")
    var category: String?

    @Option(help: "In a help center in several languages, the one to write in (default: the first).")
    var language: String?

    func run() throws {
        let root = options.rootURL
        let (site, _) = try SiteLoader.loadConfig(root: root)
        let config: SiteConfig
        if site.languages.isEmpty {
            guard language == nil else {
                throw ValidationError("--language is for a help center in several languages; fixbook.yml lists none")
            }
            config = site
        } else {
            let tag = language ?? site.languages[0].tag
            guard let chosen = site.languages.first(where: { $0.tag.lowercased() == tag.lowercased() }) else {
                throw ValidationError(
                    "the help center has no language '\(tag)'; use one of "
                        + site.languages.map(\.tag).joined(separator: ", "))
            }
            config = site.edition(for: chosen)
        }
        var codes: [ErrorCode] = []
        for written in code {
            let result = CodeNormalizer.parse(written)
            guard case .valid(let parsed) = result else { throw ValidationError(result.problem ?? written) }
            codes.append(parsed)
        }
        let name = try chooseSlug(codes: codes)
        if let problem = Slug.problem(name) { throw ValidationError("slug '\(name)' \(problem)") }
        // A category is any text (as written in the article); its folder is named like its page.
        let folder = SiteBuilder.resolve(config.content, against: root)
            .appendingPathComponent(category.map(TermSlug.make) ?? "")
        let file = folder.appendingPathComponent(name + ".md")
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw FixbookError("\(displayPath(file, root: root)) already exists; choose another --slug")
        }
        let text = ArticleScaffold.text(
            title: title, slug: name, codes: codes.map { ($0, "") }, category: category, today: Validator.currentDay(),
            chinese: config.isChinese
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8)) else {
            throw FixbookError("cannot write \(file.path)")
        }
        print("created \(displayPath(file, root: root))")
        print(
            "fill in its sections: until the solution section's placeholder is replaced by the real steps, "
                + "`fixbook check` reports it (solution-placeholder) and `fixbook build` refuses to publish")
    }

    private func chooseSlug(codes: [ErrorCode]) throws -> String {
        if let slug { return slug }
        // A title in Chinese gives no readable ASCII name: name the page after its codes instead.
        let hasLatin = title.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
        if hasLatin { return Slug.make(from: title) }
        guard !codes.isEmpty else {
            throw ValidationError(
                "the title gives no readable URL name; pass --slug (for example --slug outlook-cannot-send)")
        }
        return Slug.make(from: codes.map(\.written).joined(separator: "-"))
    }
}
