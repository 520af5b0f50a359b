import CCmarkGFM
import Foundation

/// The one place that talks to libcmark-gfm: parses a body, rewrites links, renders HTML,
/// and converts what the other stages need into Swift values before the tree is freed.
public enum MarkdownRenderer {
    /// Decides a link's rendered destination; nil keeps it as written.
    public typealias LinkRewriter = @Sendable (_ destination: String, _ isImage: Bool) -> RewrittenLink?

    /// A link's new destination, and a title (the tooltip) when the reader should be told why.
    public struct RewrittenLink: Sendable, ExpressibleByStringLiteral {
        public var url: String
        public var title: String?

        public init(url: String, title: String? = nil) {
            self.url = url
            self.title = title
        }

        public init(stringLiteral url: String) { self.init(url: url) }
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the GFM extensions once per process (cmark-gfm keeps a global registry).
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// cmark-gfm adds an extension's inline characters (`~` of strikethrough, `w` and `:` of
    /// autolinks) to one global table when a parser starts on inlines and takes them out when it
    /// finishes: two articles parsed at once on two threads could leave the second without
    /// strikethrough or autolinks. The inlines are parsed one article at a time; the blocks and
    /// rendering the tree are not.
    private static let parsing = NSLock()

    /// Renders `markdown`, whose first line is line `firstLine` of its file.
    public static func render(
        _ markdown: String,
        firstLine: Int = 1,
        unsafe: Bool = false,
        copyLinkLabel: String = "Link to this section",
        sectionTexts: Bool = false,
        rewriteLink: @escaping LinkRewriter = { _, _ in nil }
    ) -> RenderedMarkdown {
        _ = registerExtensions
        var options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG
        if unsafe { options |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(markdown.utf8)
        if bytes.isEmpty { bytes = [0x0A] }
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        parsing.lock()
        let finished = cmark_parser_finish(parser)
        parsing.unlock()
        guard let document = finished else { fatalError("cmark_parser_finish failed") }
        defer { cmark_node_free(document) }

        let lineShift = firstLine - 1
        var walker = TreeWalker(lineShift: lineShift, rewriteLink: rewriteLink)
        walker.walk(document)

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark_render_html failed: out of memory")
        }
        defer { free(rendered) }
        let headings = walker.headings(anchors: HeadingAnchor.uniqueSlugs(walker.headingTexts))
        let html = HeadingHTMLRewriter.rewrite(
            rendered,
            anchorsBySourcePosition: walker.headingSourcePositions(anchors: headings.map(\.anchor)),
            copyLinkLabel: copyLinkLabel
        )
        return RenderedMarkdown(
            html: html,
            headings: headings,
            links: walker.links,
            plainText: walker.plainText,
            sectionText: sectionTexts ? walker.sectionTexts(anchors: headings.map(\.anchor)) : [:]
        )
    }
}

/// Walks a cmark tree once, collecting headings, links and plain text, and rewriting links.
private struct TreeWalker {
    let lineShift: Int
    let rewriteLink: MarkdownRenderer.LinkRewriter

    private(set) var headingTexts: [String] = []
    private var headingInfo: [(level: Int, line: Int, sourceLine: Int, column: Int)] = []
    private var headingHasContent: [Bool] = []
    private var headingPlaceholderLine: [Int?] = []
    /// UTF-8 offsets into the plain text where each heading starts and where its text ends.
    private var headingOffsets: [(start: Int, end: Int)] = []
    private(set) var links: [MarkdownLink] = []
    private var plainScalars = ""
    private var openHeadings: [Int] = []
    private var currentHeadingText: String?

    init(lineShift: Int, rewriteLink: @escaping MarkdownRenderer.LinkRewriter) {
        self.lineShift = lineShift
        self.rewriteLink = rewriteLink
    }

    /// The collected text, one block a line, lines trimmed, blank lines dropped. On UTF-8 bytes,
    /// copying each line whole, rather than splitting every body Character by Character.
    var plainText: String {
        var text = plainScalars
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
                var start = lineStart
                var end = lineEnd
                while start < end, isBlank(bytes[start]) { start += 1 }
                while end > start, isBlank(bytes[end - 1]) { end -= 1 }
                if start < end {
                    if !output.isEmpty { output.append(0x0A) }
                    output += bytes[start..<end]
                }
                lineStart = lineEnd + 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    mutating func walk(_ document: OpaquePointer) {
        // Top-level blocks decide which sections have content; the iterator handles the rest.
        var child = cmark_node_first_child(document)
        while let block = child {
            if cmark_node_get_type(block) == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(block))
                openHeadings.removeAll { headingInfo[$0].level >= level }
                visitTree(block)
                openHeadings.append(headingInfo.count - 1)
            } else {
                for index in openHeadings { headingHasContent[index] = true }
                visitTree(block)
            }
            child = cmark_node_next(block)
        }
    }

    private mutating func visitTree(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, entering: event == CMARK_EVENT_ENTER)
        }
    }

    private mutating func visit(_ node: OpaquePointer, entering: Bool) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_HEADING:
            if entering {
                currentHeadingText = ""
                headingInfo.append(
                    (
                        Int(cmark_node_get_heading_level(node)),
                        Int(cmark_node_get_start_line(node)) + lineShift,
                        Int(cmark_node_get_start_line(node)),
                        Int(cmark_node_get_start_column(node))
                    )
                )
                headingHasContent.append(false)
                headingPlaceholderLine.append(nil)
                headingOffsets.append((plainScalars.utf8.count, plainScalars.utf8.count))
            } else {
                headingOffsets[headingOffsets.count - 1].end = plainScalars.utf8.count
                headingTexts.append(currentHeadingText ?? "")
                currentHeadingText = nil
                plainScalars.append("\n")
            }
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            plainScalars.append(literal)
            currentHeadingText?.append(literal)
        case CMARK_NODE_CODE_BLOCK:
            plainScalars.append(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
            plainScalars.append("\n")
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            plainScalars.append(" ")
            currentHeadingText?.append(" ")
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            guard let literal = cmark_node_get_literal(node),
                strstr(literal, ArticleScaffold.placeholderMarker) != nil
            else { return }
            for index in openHeadings where headingPlaceholderLine[index] == nil {
                headingPlaceholderLine[index] = Int(cmark_node_get_start_line(node)) + lineShift
            }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            guard entering else { return }
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let isImage = type == CMARK_NODE_IMAGE
            links.append(
                MarkdownLink(
                    destination: destination, isImage: isImage,
                    line: Int(cmark_node_get_start_line(node)) + lineShift,
                    column: Int(cmark_node_get_start_column(node))
                )
            )
            if let rewritten = rewriteLink(destination, isImage) {
                cmark_node_set_url(node, rewritten.url)
                if let title = rewritten.title { cmark_node_set_title(node, title) }
            }
        default:
            if !entering, type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) {
                plainScalars.append("\n")
            }
        }
    }

    func headings(anchors: [String]) -> [Heading] {
        headingInfo.indices.map { index in
            var heading = Heading(
                level: headingInfo[index].level, text: headingTexts[index].trimmed,
                anchor: anchors[index], line: headingInfo[index].line,
                sectionHasContent: headingHasContent[index]
            )
            heading.placeholderLine = headingPlaceholderLine[index]
            return heading
        }
    }

    /// `"line:column"` as cmark writes it in `data-sourcepos`, mapped to the heading's anchor.
    func headingSourcePositions(anchors: [String]) -> [String: String] {
        var positions: [String: String] = [:]
        for (index, info) in headingInfo.enumerated() {
            positions["\(info.sourceLine):\(info.column)"] = anchors[index]
        }
        return positions
    }

    /// Plain text of each heading's section (up to the next heading of the same or higher level),
    /// keyed by anchor; used for answers in the terminal.
    func sectionTexts(anchors: [String]) -> [String: String] {
        let utf8 = plainScalars.utf8
        var result: [String: String] = [:]
        for (index, info) in headingInfo.enumerated() {
            let nextStart =
                headingInfo.indices.dropFirst(index + 1).first { headingInfo[$0].level <= info.level }
                .map { headingOffsets[$0].start } ?? utf8.count
            let from = utf8.index(utf8.startIndex, offsetBy: headingOffsets[index].end)
            let to = utf8.index(utf8.startIndex, offsetBy: max(nextStart, headingOffsets[index].end))
            let lines = String(plainScalars[from..<to]).split(whereSeparator: \.isNewline)
            result[anchors[index]] = lines.map(\.trimmed).filter { !$0.isEmpty }
                .joined(separator: "\n")
        }
        return result
    }
}
