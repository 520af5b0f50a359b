import ArgumentParser
import FixbookCore
import Foundation

/// The release number; the commit comes from the build (the BuildInfo plugin).
let fixbookVersion = "0.2.0"

/// The root command: `fixbook build|check|…`.
public struct FixbookCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fixbook",
        abstract: "Compile a Markdown help center into a searchable static site; refuse codes without a solution.",
        version: "\(fixbookVersion) (commit \(BuildInfo.commit))",
        subcommands: [
            BuildCommand.self, CheckCommand.self, LookupCommand.self, NewCommand.self, InitCommand.self,
            ServeCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line and returns the exit status: 0 ok, 1 content errors, 2 usage or I/O errors.
    public static func run(_ arguments: [String]? = nil) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ContentErrors {
            _ = exit
            return 1
        } catch let error as FixbookError {
            FileHandle.standardError.write(Data("fixbook: error: \(error.description)\n".utf8))
            return 2
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message.isEmpty ? "" : message + "\n").utf8))
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// Thrown after diagnostics were printed, to exit with status 1.
struct ContentErrors: Error {}

/// Options every command shares.
struct RootOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (where fixbook.yml is).")
    var root: String = "."

    var rootURL: URL {
        URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}

/// Whether to colour output: only on a terminal, never with `NO_COLOR`.
func useColour(_ handle: Int32) -> Bool {
    ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(handle) == 1
}
