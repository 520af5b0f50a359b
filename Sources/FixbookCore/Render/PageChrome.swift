import Foundation

/// The parts of every page that depend only on its folder depth, rendered once per depth.
struct PageChrome: Sendable {
    var header = ""
    var footer = ""
    var head = ""
    var scripts = ""
}

/// A page's breadcrumb trail, as `partials/breadcrumbs` sees it: the links and the depth.
struct BreadcrumbTrail: Hashable, Sendable {
    var root: String
    var links: [LinkView]
}

/// HTML rendered once per distinct key and shared by every page that needs it (the breadcrumb
/// trail of a category's articles). Safe to use from the rendering threads at once; two threads
/// may render the same key, and the first result is kept.
final class RenderedOnce<Key: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var rendered: [Key: String] = [:]

    func value(for key: Key, render: () throws -> String) rethrows -> String {
        if let html = lock.withLock({ rendered[key] }) { return html }
        let html = try render()
        return lock.withLock {
            if let first = rendered[key] { return first }
            rendered[key] = html
            return html
        }
    }
}
