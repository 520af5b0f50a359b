/// Sorted keys cut into the runs of one folder of the split index (`assets/search/t/` or
/// `assets/search/w/`), as `ShardRuns` cuts them, kept so that an edit re-cuts only the runs that
/// hold the keys it changed.
struct KeyRuns {
    let folder: String
    /// The first key of each run, in order.
    private(set) var firstKeys: [String] = []
    /// Each run's script after the call's name (`ShardRuns.file`).
    private(set) var bodies: [[UInt8]] = []

    /// Cuts `keys` (sorted in UTF-16 order) with the values `value` gives.
    init(folder: String, keys: [String], value: (String) -> [UInt8]) {
        self.folder = folder
        var start = 0
        while start < keys.count {
            let run = Self.cut(keys, from: start, value)
            firstKeys.append(keys[start])
            bodies.append(run.body)
            start = run.end
        }
    }

    var count: Int { bodies.count }

    func path(_ number: Int) -> String { "assets/search/\(folder)/\(number).js" }

    func file(_ number: Int) -> [UInt8] { ShardRuns.file(folder: folder, number: number, body: bodies[number]) }

    /// The run that begins at `keys[start]`: where it ends (exclusive) and its body.
    private static func cut(
        _ keys: [String], from start: Int, _ value: (String) -> [UInt8]
    ) -> (end: Int, body: [UInt8]) {
        var run = ShardRuns.Run()
        var position = start
        while position < keys.count {
            let key = keys[position]
            let data = value(key)
            if run.ends(before: key, data) { break }
            run.add(key, data)
            position += 1
        }
        return (position, run.finished)
    }

    /// Re-cuts after an edit: `keys` are the keys now (sorted), `changed` those whose value
    /// changed, came or went. From the first run that holds a changed key, runs are cut anew until
    /// a cut falls where an untouched run began; that run and the ones after it are kept as they
    /// were, up to the next touched run. Returns the numbers of the runs whose file changed
    /// (including new ones) and of those that are gone.
    mutating func update(
        keys: [String], changed: [String], value: (String) -> [UInt8]
    ) -> (changed: [Int], removed: [Int]) {
        guard !changed.isEmpty else { return ([], []) }
        guard count > 0 else {
            self = KeyRuns(folder: folder, keys: keys, value: value)
            return (Array(0..<count), [])
        }
        let touched = Set(changed.map { runOf($0) })
        var newFirstKeys: [String] = []
        var newBodies: [[UInt8]] = []
        var keptFrom: [Int?] = []  // per new run, the old run it is, unchanged
        var old = 0
        while old < count {
            guard touched.contains(old) else {
                newFirstKeys.append(firstKeys[old])
                newBodies.append(bodies[old])
                keptFrom.append(old)
                old += 1
                continue
            }
            var position = old == 0 ? 0 : SearchTokenizer.utf16LowerBound(keys, firstKeys[old])
            old = count
            while position < keys.count {
                let run = Self.cut(keys, from: position, value)
                newFirstKeys.append(keys[position])
                newBodies.append(run.body)
                keptFrom.append(nil)
                position = run.end
                guard position < keys.count else { break }
                let next = SearchTokenizer.utf16LowerBound(firstKeys, keys[position])
                if next < count, firstKeys[next] == keys[position], !touched.contains(next) {
                    old = next
                    break
                }
            }
        }
        let changedRuns = newBodies.indices.filter { keptFrom[$0] != $0 }
        let removed = Array(newBodies.count..<max(newBodies.count, count))
        firstKeys = newFirstKeys
        bodies = newBodies
        return (changedRuns, removed)
    }

    /// The run that holds (or would hold) `key`.
    private func runOf(_ key: String) -> Int {
        let position = SearchTokenizer.utf16LowerBound(firstKeys, key)
        if position < count, firstKeys[position] == key { return position }
        return max(0, position - 1)
    }
}
