import Foundation
import Mustache

/// The theme's Mustache templates, each parsed once, plus its static assets (`assets/…`).
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The theme's `assets/` files, as output files under `assets/`.
    public let assets: [OutputFile]
    /// The pages every theme must provide.
    static let required = [
        "base", "index", "article", "search", "codes", "code", "listing", "terms", "404", "redirect",
        "partials/header", "partials/footer", "partials/article-item",
    ]

    /// The site's theme folder, or the built-in default theme when the folder does not exist.
    public static func load(directory: URL) throws -> TemplateSet {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return try TemplateSet(directory: directory)
        }
        return try TemplateSet(files: DefaultTheme.files, origin: "the built-in theme")
    }

    /// Loads every `*.mustache` under `directory`; a template that does not parse is fatal.
    public init(directory: URL) throws {
        let directory = directory.resolvingSymlinksInPath()
        var files: [String: String] = [:]
        var assets: [OutputFile] = []
        for relative in try ContentSources.listFiles(directory).files {
            let url = directory.appendingPathComponent(relative)
            if relative.hasSuffix(".mustache") {
                guard let data = FileManager.default.contents(atPath: url.path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw FixbookError("cannot read template \(url.path)")
                }
                files[relative] = text
            } else if relative.hasPrefix("assets/"), relative != "assets/search-index.js" {
                assets.append(OutputFile(path: relative, copyFrom: url.path))
            }
        }
        try self.init(templates: files, assets: assets, origin: directory.path)
    }

    /// A theme from file texts by relative path (`base.mustache`, `assets/style.css`).
    init(files: [String: String], origin: String) throws {
        let templates = files.filter { $0.key.hasSuffix(".mustache") }
        let assets = files.filter { $0.key.hasPrefix("assets/") }.sorted { $0.key < $1.key }
            .map { OutputFile(path: $0.key, text: $0.value) }
        try self.init(templates: templates, assets: assets, origin: origin)
    }

    private init(templates: [String: String], assets: [OutputFile], origin: String) throws {
        MustacheContentTypes.register(FixbookHTMLContentType(), named: FixbookHTMLContentType.name)
        var library = MustacheLibrary()
        for (relative, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: String(relative.dropLast(".mustache".count)))
            } catch {
                throw FixbookError("template \(relative) in \(origin) does not parse: \(error)")
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw FixbookError("template \(name).mustache is missing from \(origin)")
        }
        self.library = library
        self.assets = assets
    }

    /// Whether the theme has `template`: the optional partials are left out of older themes.
    func contains(_ template: String) -> Bool {
        library.getTemplate(named: template) != nil
    }

    /// Renders `template` with `view`; a missing template is a theme bug, reported as fatal.
    func render(_ template: String, _ view: Any) throws -> String {
        guard let output = library.render(view, withTemplate: template) else {
            throw FixbookError("template \(template).mustache is missing")
        }
        return output
    }
}
