import Foundation
import Hummingbird

/// Serves files of the preview folder, never outside it, with the live-reload script added to
/// every HTML page.
enum StaticFiles {
    static func response(for requestPath: String, in folder: URL) -> Response {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") || $0.hasPrefix(".") }) else {
            return notFound(in: folder)
        }
        var url = folder.appendingPathComponent(parts.joined(separator: "/"))
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        guard url.standardizedFileURL.path.hasPrefix(folder.standardizedFileURL.path + "/"),
            let data = FileManager.default.contents(atPath: url.path)
        else { return notFound(in: folder) }
        return page(data, type: contentType(url.pathExtension), status: .ok)
    }

    private static func notFound(in folder: URL) -> Response {
        let data =
            FileManager.default.contents(atPath: folder.appendingPathComponent("404.html").path)
            ?? Data("not found".utf8)
        return page(data, type: "text/html; charset=utf-8", status: .notFound)
    }

    private static func page(_ data: Data, type: String, status: HTTPResponse.Status) -> Response {
        var bytes = [UInt8](data)
        if type.hasPrefix("text/html") { bytes = LiveReload.inject(into: bytes) }
        return Response(
            status: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
