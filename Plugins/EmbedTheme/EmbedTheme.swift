import Foundation
import PackagePlugin

/// Compiles the default theme (`Templates/` at the package root) into `FixbookCore` at build time:
/// `ThemeEmbedder` writes `DefaultTheme.swift` from the folder, and the build re-runs it whenever
/// a file of the theme changes. Nothing generated is checked in.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme from Templates/",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [theme.path, output.path],
                inputFiles: themeFiles(in: theme),
                outputFiles: [output]
            )
        ]
    }

    /// Every file of the theme, so that editing any of them re-embeds it.
    private func themeFiles(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return walker.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
