/// Where the split index's keys are cut into files (`assets/search/t/N.js`, `assets/search/w/N.js`).
///
/// Once a run holds `minimumBytes`, it ends before a key whose hash says so, or before a key
/// whose value would take it past `maximumBytes`: the cut depends only on the keys and values
/// since the run began, never on what comes before it. An edit to a few words therefore changes
/// the runs that hold them, and the cuts after them fall where they fell before within a run or
/// two: `fixbook serve` rewrites those runs alone (`KeyRuns`), and they come out as a full build
/// writes them. A run is never cut before its first key, so one value larger than the maximum
/// makes a run of its own.
enum ShardRuns {
    /// About 6–12 KB once gzipped.
    static let minimumBytes = 16 * 1024
    static let maximumBytes = 32 * 1024
    /// One key in `cutEvery` begins a run when the one before is long enough.
    static let cutEvery: UInt64 = 4

    /// The keys of one file as they are added, and the body of its script.
    struct Run {
        private var json = JSONBuffer(scriptSafe: true)

        var isEmpty: Bool { json.bytes.isEmpty }

        mutating func add(_ key: String, _ value: [UInt8]) {
            json.raw(json.bytes.isEmpty ? "{" : ",")
            json.string(key)
            json.raw(":")
            json.append(value)
        }

        /// Whether the run ends before `key` with `value` is added.
        func ends(before key: String, _ value: [UInt8]) -> Bool {
            guard json.bytes.count >= minimumBytes else { return false }
            return TokenKey(key).fingerprint % cutEvery == 0 || json.bytes.count + value.count > maximumBytes
        }

        /// The body of the finished run: its keys and `});` (`file` puts the call's name before it).
        var finished: [UInt8] { json.bytes + Array("});\n".utf8) }

        /// The script of the finished run as file `number` of `folder`.
        func file(folder: String, number: Int) -> [UInt8] {
            ShardRuns.file(folder: folder, number: number, body: finished)
        }
    }

    /// `FixbookSearchData("<folder>/<number>",` and the run's body.
    static func file(folder: String, number: Int, body: [UInt8]) -> [UInt8] {
        Array("FixbookSearchData(\"\(folder)/\(number)\",".utf8) + body
    }
}
