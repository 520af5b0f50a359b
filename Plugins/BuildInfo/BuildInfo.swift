import Foundation
import PackagePlugin

/// Tells the binary which commit it was built from (`fixbook --version`): before every build, a
/// shell asks git for the commit and writes `BuildInfo.swift`, replacing it only when the commit
/// changed so that an unchanged tree does not recompile. Without git the commit reads "unknown".
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo")
        let package = context.package.directoryURL.path
        let script = """
            set -e
            mkdir -p "$2"
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
            if [ "$commit" != unknown ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
                commit="$commit+changes"
            fi
            printf '/// The commit this binary was built from (the BuildInfo plugin writes it).\\nenum BuildInfo {\\n    static let commit = "%s"\\n}\\n' "$commit" > "$2/BuildInfo.swift.new"
            if cmp -s "$2/BuildInfo.swift.new" "$2/BuildInfo.swift"; then rm "$2/BuildInfo.swift.new"; else mv "$2/BuildInfo.swift.new" "$2/BuildInfo.swift"; fi
            """
        return [
            .prebuildCommand(
                displayName: "Recording the commit for fixbook --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", package, output.path],
                outputFilesDirectory: output
            )
        ]
    }
}
