import Foundation
import Mustache

/// The theme's Mustache templates, each parsed once, plus the folder of static assets.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// `Templates/assets`, copied to `Output/assets`.
    public let assetsDirectory: URL
    /// The pages every theme must provide.
    static let required = [
        "base", "index", "article", "search", "codes", "code", "listing", "terms", "404", "redirect",
        "partials/header", "partials/footer", "partials/article-item",
    ]

    /// Loads every `*.mustache` under `directory`; a template that does not parse is fatal.
    public init(directory: URL) throws {
        let directory = directory.resolvingSymlinksInPath()
        MustacheContentTypes.register(FixbookHTMLContentType(), named: FixbookHTMLContentType.name)
        var library = MustacheLibrary()
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
            throw FixbookError("templates folder not found: \(directory.path)")
        }
        var names: [String] = []
        for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
            names.append(relative)
        }
        for relative in names.sorted() {
            let url = directory.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw FixbookError("cannot read template \(url.path)")
            }
            do {
                try library.register(text, named: String(relative.dropLast(".mustache".count)))
            } catch {
                throw FixbookError("template \(url.path) does not parse: \(error)")
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw FixbookError("template \(name).mustache is missing from \(directory.path)")
        }
        self.library = library
        self.assetsDirectory = directory.appendingPathComponent("assets")
    }

    /// Renders `template` with `view`; a missing template is a theme bug, reported as fatal.
    func render(_ template: String, _ view: Any) throws -> String {
        guard let output = library.render(view, withTemplate: template) else {
            throw FixbookError("template \(template).mustache is missing")
        }
        return output
    }
}
