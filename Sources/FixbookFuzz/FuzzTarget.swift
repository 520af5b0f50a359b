import FixbookCore
import Foundation

/// Runs one input through what an article goes through: decoding, front matter, codes,
/// Markdown (behind the same limits as a build), link resolution and search tokenization.
func fuzzOne(_ data: Data) {
    guard let text = SourceText.decode(data) else { return }
    let (article, _) = ArticleParser.parse(SourceText(path: "fuzz/input.md", text: text))
    let body = article?.body ?? text
    guard MarkdownLimits().violation(in: body) == nil else { return }
    let rendered = MarkdownRenderer.render(body, firstLine: article?.bodyFirstLine ?? 1, sectionTexts: true) {
        destination, _ in
        if case .article(let path, _) = LinkTarget.resolve(destination, from: "fuzz/input.md") {
            return .init(url: path + ".html")
        }
        return nil
    }
    _ = SearchTokenizer.tokenize(rendered.plainText)
    _ = SearchTokenizer.codeKeys(article?.title ?? text)
    for code in article?.metadata.codes ?? [] { _ = CodeNormalizer.forgivingKey(code.code.written) }
    _ = HeadingAnchor.uniqueSlugs(rendered.headings.map(\.text))
}

/// libFuzzer's entry point (`swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    fuzzOne(Data(bytes: bytes, count: count))
    return 0
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// SwiftPM names the executable's entry point itself, so libFuzzer is started through its driver.
    @main
    struct FuzzMain {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv) { bytes, count in fuzzerTestOneInput(bytes, count) })
        }
    }
#else
    /// Without libFuzzer: replays files or folders given as arguments (the corpus, findings).
    @main
    struct FuzzReplay {
        static func main() throws {
            var count = 0
            for argument in CommandLine.arguments.dropFirst() {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { continue }
                let files =
                    isDirectory.boolValue
                    ? try FileManager.default.contentsOfDirectory(atPath: argument).sorted().map { argument + "/" + $0 }
                    : [argument]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    fuzzOne(data)
                    count += 1
                }
            }
            print("replayed \(count) inputs")
        }
    }
#endif
