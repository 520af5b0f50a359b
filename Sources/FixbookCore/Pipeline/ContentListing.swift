import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The content folder's files as `serve` last listed them, kept between updates: told by the
/// kernel which files a save touched, `serve` takes in the ones that came or went (an editor's
/// temporary file moved over an article, a new article, one deleted) instead of listing ten
/// thousand files again.
struct ContentListing {
    /// Entries the listing skipped for safety (links out of the folder, loops), with the reason.
    let skipped: [(path: String, reason: String)]
    /// The Markdown articles' paths, sorted.
    private(set) var articles: [String] = []
    /// The other files copied to the site (images, PDFs), in no particular order.
    private(set) var assets: Set<String> = []
    /// Whether an entry was a symbolic link: then a change anywhere may change what it reaches,
    /// and only a new listing tells.
    let linked: Bool
    /// Every listed file, data files included.
    private var files: Set<String> = []

    /// Lists the folder at `root`.
    init(listing root: URL) throws {
        let (files, skipped, linked) = try ContentSources.listFiles(root)
        self.skipped = skipped
        self.linked = linked
        for path in files { insert(path, keepingOrder: false) }
        articles.sort()
    }

    /// Takes in the content-relative `paths` that changed as they are now under `root`: a file that
    /// came is listed, one that went is not. False, with the listing as it was, when one of them
    /// is now something only a new listing judges (a folder, a link, a device).
    mutating func take(_ paths: Set<String>, under root: String) -> Bool {
        var updated = self
        for path in paths {
            if path.split(separator: "/").contains(where: { ContentSources.isIgnored(String($0)) }) { continue }
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else {
                // Gone, or never more than an editor's temporary file.
                updated.remove(path)
                continue
            }
            guard info.st_mode & S_IFMT == S_IFREG else { return false }
            if !updated.files.contains(path) { updated.insert(path, keepingOrder: true) }
        }
        self = updated
        return true
    }

    /// Whether `path` is a listed article.
    func hasArticle(_ path: String) -> Bool { files.contains(path) && ContentSources.isArticlePath(path) }

    /// Lists `path`; `keepingOrder`: an article goes to its place (else at the end, sorted later).
    private mutating func insert(_ path: String, keepingOrder: Bool) {
        files.insert(path)
        if ContentSources.dataFileNames.contains(path) { return }
        if ContentSources.isArticlePath(path) {
            articles.insert(path, at: keepingOrder ? articles.sortedPlace(of: path) : articles.count)
        } else if !ContentSources.hasExtension(path, in: ["yml", "yaml"]) {
            assets.insert(path)
        }
    }

    private mutating func remove(_ path: String) {
        guard files.remove(path) != nil else { return }
        assets.remove(path)
        let place = articles.sortedPlace(of: path)
        if place < articles.count && articles[place] == path { articles.remove(at: place) }
    }
}
