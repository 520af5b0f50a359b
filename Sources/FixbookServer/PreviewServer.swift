import FixbookCore
import Foundation
import Hummingbird

/// `fixbook serve`: holds the site in memory (your `Output/` is untouched), serves it over HTTP,
/// rebuilds what a change touches as soon as a save is complete, and makes open pages reload
/// themselves (or show the build's errors).
public struct PreviewServer: Sendable {
    public var root: URL
    public var host: String
    public var port: Int
    public var includeDrafts: Bool
    public var timings: Bool

    public init(
        root: URL, host: String = "127.0.0.1", port: Int = 4000, includeDrafts: Bool = false, timings: Bool = false
    ) {
        self.root = root
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.timings = timings
    }

    /// Runs until SIGINT or SIGTERM. `announce` receives the address once the server listens.
    public func run(
        announce: @escaping @Sendable (String) -> Void, log: @escaping @Sendable (String) -> Void
    ) async throws {
        let site = IncrementalSite(root: root, options: LoadOptions(includeDrafts: includeDrafts))
        // The open pages reload first; the search index follows (`IncrementalSite.searchDelay`).
        site.searchDelay = 0.3
        let state = PreviewState()
        let builder = PreviewBuilder(site: site, state: state, timings: timings, log: log)
        await builder.rebuild()

        let router = Router()
        router.get("/__fixbook/status") { request, _ -> Response in
            let after = request.uri.queryParameters.get("since").flatMap { Int($0) }
            let errors = request.uri.queryParameters.get("errors").map { String($0) }
            let status = await state.status(after: after, seenErrors: errors)
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
            await StaticFiles.response(for: request.uri.path, state: state, site: site)
        }
        router.get("/") { _, _ -> Response in
            await StaticFiles.response(for: "/index.html", state: state, site: site)
        }

        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "fixbook"),
            onServerRunning: { channel in
                let actualPort = channel.localAddress?.port ?? port
                announce("http://\(host):\(actualPort)/index.html")
            }
        )
        let watching = Task.detached { await watch(builder) }
        defer { watching.cancel() }
        try await app.runService()
    }

    /// Rebuilds after each complete save: from the kernel's change notifications where there are
    /// some, by polling otherwise.
    private func watch(_ builder: PreviewBuilder) async {
        let ignored: @Sendable (String) -> Bool = { path in
            path == "Output" || path.hasPrefix("Output/") || path.hasPrefix(".build") || path.hasPrefix(".")
        }
        if let notifier = ChangeNotifier.make(root: root, ignored: ignored) {
            while !Task.isCancelled {
                let change = await withCheckedContinuation { continuation in
                    // The wait blocks a thread of its own, never one of the server's.
                    Thread.detachNewThread { continuation.resume(returning: notifier.waitForChange(quiet: 15)) }
                }
                guard let change else { break }
                await builder.rebuild(changedFiles: change.files)
            }
            if Task.isCancelled { return }
        }
        let watcher = SourceWatcher(root: root)
        var fingerprint = watcher.fingerprint()
        while let changed = await watcher.nextChange(from: fingerprint) {
            fingerprint = changed
            await builder.rebuild()
        }
    }
}
