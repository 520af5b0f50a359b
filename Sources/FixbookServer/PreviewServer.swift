import FixbookCore
import Foundation
import Hummingbird

/// `fixbook serve`: builds the site into a private folder, serves it over HTTP, rebuilds when a
/// source file changes, and makes open pages reload themselves (or show the build's errors).
public struct PreviewServer: Sendable {
    public var root: URL
    public var host: String
    public var port: Int
    public var includeDrafts: Bool

    public init(root: URL, host: String = "127.0.0.1", port: Int = 4000, includeDrafts: Bool = false) {
        self.root = root
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
    }

    /// Runs until SIGINT or SIGTERM. `announce` receives the address once the server listens.
    public func run(
        announce: @escaping @Sendable (String) -> Void, log: @escaping @Sendable (String) -> Void
    ) async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fixbook-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let state = PreviewState()
        let builder = PreviewBuilder(root: root, output: output, includeDrafts: includeDrafts, state: state, log: log)
        await builder.rebuild()

        let router = Router()
        router.get("/__fixbook/status") { _, _ -> Response in
            let status = await state.status()
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: status))
            )
        }
        router.get("/__fixbook/livereload.js") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: LiveReload.script))
            )
        }
        router.get("/**") { request, _ -> Response in
            StaticFiles.response(for: request.uri.path, in: output)
        }
        router.get("/") { _, _ -> Response in
            StaticFiles.response(for: "/index.html", in: output)
        }

        let watcher = SourceWatcher(root: root)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "fixbook"),
            onServerRunning: { channel in
                let actualPort = channel.localAddress?.port ?? port
                announce("http://\(host):\(actualPort)/index.html")
            }
        )
        let watching = Task {
            var fingerprint = watcher.fingerprint()
            while let changed = await watcher.nextChange(from: fingerprint) {
                fingerprint = changed
                await builder.rebuild()
            }
        }
        defer { watching.cancel() }
        try await app.runService()
    }
}
