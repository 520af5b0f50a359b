import Foundation

// Writes a Swift file holding every file of a theme folder as a string, for the `EmbedTheme`
// build-tool plugin: `ThemeEmbedder THEME_FOLDER OUTPUT.swift`.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder THEME_FOLDER OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// A raw multi-line literal of `text`: with more `#` than any run that follows a quote or a
/// backslash in it, nothing inside can end the literal or start an interpolation.
func literal(_ text: String) -> String {
    var longest = 0
    var run: Int?
    for character in text {
        if character == "\"" || character == "\\" {
            run = 0
        } else if character == "#", let count = run {
            run = count + 1
            longest = max(longest, count + 1)
        } else {
            run = nil
        }
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var paths: [String] = []
if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
    for case let url as URL in walker
    where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        paths.append(String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1)))
    }
}
var lines = [
    "// Generated at build time from the theme folder by ThemeEmbedder (the EmbedTheme plugin).",
    "",
    "/// The default theme, built in: used when a site has no templates folder, written by `init`.",
    "enum DefaultTheme {",
    "    /// Theme files by path relative to the templates folder.",
    "    static let files: [String: String] = [",
]
for path in paths.sorted() {
    guard let text = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) else {
        FileHandle.standardError.write(Data("ThemeEmbedder: \(path) is not UTF-8 text\n".utf8))
        exit(1)
    }
    // A multi-line literal ends before its last line break: add that one back.
    let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
    let suffix = text.hasSuffix("\n") ? " + \"\\n\"" : ""
    let key = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    lines.append("        \"\(key)\": \(literal(body))\(suffix),")
}
lines += ["    ]", "}", ""]
do {
    try lines.joined(separator: "\n").write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("ThemeEmbedder: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
