import ArgumentParser
import FixbookCore
import FixbookServer
import Foundation

/// `fixbook serve`: build, serve, rebuild on change, reload open pages.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Build and serve the site; rebuild and reload on every change."
    )

    @OptionGroup var options: RootOptions

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 4000

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Flag(help: "Include articles marked draft: true.")
    var drafts = false

    @Flag(help: "Log how long each step of a rebuild took.")
    var timings = false

    func run() async throws {
        let root = options.rootURL
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw FixbookError("root folder not found: \(root.path)")
        }
        let server = PreviewServer(root: root, host: host, port: port, includeDrafts: drafts, timings: timings)
        try await server.run(
            announce: { address in
                // Written straight to the descriptor so a pipe sees the line at once.
                FileHandle.standardOutput.write(Data("serving \(address) (Ctrl-C to stop)\n".utf8))
            },
            log: { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        )
    }
}
