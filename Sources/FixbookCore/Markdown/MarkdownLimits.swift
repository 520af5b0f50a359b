/// Guards run before a body reaches libcmark-gfm, so no article can take more than about a
/// second or a few hundred MB. Debian 12's cmark-gfm predates the fix for CVE-2023-37463: a
/// table with a wide header and many short rows renders every missing cell (18 KB → 90 MB).
public struct MarkdownLimits: Sendable {
    public var maxBytes = 2_000_000
    public var maxTableCells = 200_000
    public var maxNesting = 64

    public init() {}

    /// The first limit `body` breaks, as (rule, body-relative line, message), or nil.
    public func violation(in body: String) -> (rule: String, line: Int, message: String)? {
        if body.utf8.count > maxBytes {
            return ("markdown-too-large", 1, "the body is \(body.utf8.count) bytes; the limit is \(maxBytes)")
        }
        var tableColumns = 0
        var tableRows = 0
        var tableStart = 0
        var previous: Substring = ""
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if nestingDepth(line) > maxNesting {
                return ("markdown-too-deep", number, "quotes or lists nest more than \(maxNesting) levels deep")
            }
            if tableColumns > 0 {
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    tableColumns = 0
                } else {
                    tableRows += 1
                    if tableRows * tableColumns > maxTableCells {
                        return (
                            "markdown-table-too-large", tableStart,
                            "the table would render \(tableColumns) columns × \(tableRows)+ rows; the limit is \(maxTableCells) cells"
                        )
                    }
                }
            } else if isDelimiterRow(line) {
                tableColumns = max(pipeCells(previous), pipeCells(line))
                tableRows = 1
                tableStart = number - 1
            }
            previous = line
        }
        return nil
    }

    /// Leading `>` and list markers: how deep a line nests.
    private func nestingDepth(_ line: Substring) -> Int {
        var depth = 0
        var characters = line.makeIterator()
        var previousWasMarker = false
        while let character = characters.next() {
            switch character {
            case ">":
                depth += 1
                previousWasMarker = true
            case "-", "*", "+":
                if previousWasMarker { return depth }
                depth += 1
                previousWasMarker = true
            case " ", "\t":
                previousWasMarker = false
            default:
                return depth
            }
        }
        return depth
    }

    /// A GFM table delimiter row: cells of `-` with optional `:` separated by `|`.
    private func isDelimiterRow(_ line: Substring) -> Bool {
        guard line.contains("-"), line.contains("|") || line.contains(":") else { return false }
        return line.allSatisfy { "|-: \t".contains($0) }
    }

    private func pipeCells(_ line: Substring) -> Int {
        line.filter { $0 == "|" }.count + 1
    }
}
