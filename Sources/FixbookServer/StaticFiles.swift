import FixbookCore
import Foundation
import Hummingbird

/// Serves the files of the site held in memory, never anything else, with the live-reload script
/// added to every HTML page. The search index comes from the site's background build.
enum StaticFiles {
    static func response(for requestPath: String, state: PreviewState, site: IncrementalSite) async -> Response {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") || $0.hasPrefix(".") }) else {
            return await notFound(state)
        }
        var path = parts.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") { path += path.isEmpty ? "index.html" : "/index.html" }
        if site.isSearchFile(path) {
            let files = await withCheckedContinuation { continuation in
                // Waiting for the background build blocks a thread of its own.
                Thread.detachNewThread { continuation.resume(returning: site.searchFiles()) }
            }
            guard let bytes = files[path] else { return await notFound(state) }
            return page(bytes, type: contentType(path), status: .ok)
        }
        if let bytes = await state.file(path) { return page(bytes, type: contentType(path), status: .ok) }
        if await state.file(path + "/index.html") != nil {
            return Response(status: .movedPermanently, headers: [.location: "/" + path + "/index.html"])
        }
        return await notFound(state)
    }

    private static func notFound(_ state: PreviewState) async -> Response {
        let bytes = await state.file("404.html") ?? Array("not found".utf8)
        return page(bytes, type: "text/html; charset=utf-8", status: .notFound)
    }

    private static func page(_ bytes: [UInt8], type: String, status: HTTPResponse.Status) -> Response {
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: bytes) : bytes
        return Response(
            status: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    static func contentType(_ path: String) -> String {
        let pathExtension =
            path.split(separator: "/").last.flatMap { name in
                name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) }
            } ?? ""
        switch pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
