/// Guards run before a body reaches libcmark-gfm, so no article can take more than about a
/// second or a few hundred MB. Debian 12's cmark-gfm predates the fix for CVE-2023-37463: a
/// table with a wide header and many short rows renders every missing cell (18 KB → 90 MB).
/// Its table parser also costs columns × cells: the cell limit bounds the memory, the column
/// limit keeps the time linear (the README's Robustness section has the measurements).
public struct MarkdownLimits: Sendable, Equatable {
    public var maxBytes = 2_000_000
    public var maxTableCells = 200_000
    public var maxTableColumns = 200
    public var maxNesting = 64

    public init() {}

    /// The first limit `body` breaks, as (rule, body-relative line, message), or nil.
    ///
    /// One pass over the UTF-8 bytes: it runs on every article, so it must cost next to nothing.
    public func violation(in body: String) -> (rule: RuleID, line: Int, message: String)? {
        if body.utf8.count > maxBytes {
            return (.markdownTooLarge, 1, "the body is \(body.utf8.count) bytes; the limit is \(maxBytes)")
        }
        var body = body
        // On the bytes in place: the string's own UTF-8 iterator checks every step.
        return body.withUTF8 { violation(inBytes: $0) }
    }

    private func violation(inBytes bytes: UnsafeBufferPointer<UInt8>) -> (rule: RuleID, line: Int, message: String)? {
        var tableColumns = 0
        var tableRows = 0
        var tableStart = 0
        var previousColumns = 0
        var number = 0
        var line = LineFacts()
        var iterator = bytes.makeIterator()
        var finished = false
        while !finished {
            let byte = iterator.next()
            if let byte, byte != UInt8(ascii: "\n") {
                line.add(byte)
                continue
            }
            finished = byte == nil
            number += 1
            if line.depth > maxNesting {
                return (.markdownTooDeep, number, "quotes or lists nest more than \(maxNesting) levels deep")
            }
            if tableColumns > 0 {
                if line.isBlank {
                    tableColumns = 0
                } else {
                    tableRows += 1
                    if tableRows * tableColumns > maxTableCells {
                        return (
                            .markdownTableTooLarge, tableStart,
                            "the table would render \(tableColumns) columns × \(tableRows)+ rows; the limit is \(maxTableCells) cells"
                        )
                    }
                }
            } else if line.isDelimiterRow {
                tableColumns = max(previousColumns, line.columns)
                tableRows = 1
                tableStart = number - 1
                if tableColumns > maxTableColumns {
                    return (
                        .markdownTableTooLarge, tableStart,
                        "the table has \(tableColumns) columns; the limit is \(maxTableColumns) columns"
                    )
                }
            }
            previousColumns = line.columns
            line = LineFacts()
        }
        return nil
    }

    /// What the limits need to know about one line, gathered byte by byte.
    private struct LineFacts {
        var pipes = 0
        var depth = 0
        var isBlank = true
        var onlyDelimiterBytes = true
        var hasDash = false
        var hasPipeOrColon = false
        /// Still inside the leading run of `>` and list markers.
        private var inPrefix = true
        private var previousWasMarker = false

        /// The first and the last byte that is not white space.
        private var firstVisible: UInt8?
        private var lastVisible: UInt8?

        /// The cells this line has as a table row: a pipe at either end opens or closes the row
        /// instead of separating two cells.
        var columns: Int {
            guard pipes > 0 else { return 0 }
            return pipes + 1 - (firstVisible == UInt8(ascii: "|") ? 1 : 0) - (lastVisible == UInt8(ascii: "|") ? 1 : 0)
                + (pipes == 1 && firstVisible == lastVisible ? 1 : 0)
        }

        mutating func add(_ byte: UInt8) {
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                if firstVisible == nil { firstVisible = byte }
                lastVisible = byte
            }
            switch byte {
            case UInt8(ascii: "|"):
                pipes += 1
                hasPipeOrColon = true
            case UInt8(ascii: ":"): hasPipeOrColon = true
            case UInt8(ascii: "-"): hasDash = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: onlyDelimiterBytes = false
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { isBlank = false }
            guard inPrefix else { return }
            switch byte {
            case UInt8(ascii: ">"):
                depth += 1
                previousWasMarker = true
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                // "--" is a rule or text, not two list markers.
                if previousWasMarker { inPrefix = false } else { depth += 1 }
                previousWasMarker = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                previousWasMarker = false
            default:
                inPrefix = false
            }
        }

        /// A GFM table delimiter row: cells of `-` with optional `:` separated by `|`.
        var isDelimiterRow: Bool { onlyDelimiterBytes && hasDash && hasPipeOrColon }
    }
}
