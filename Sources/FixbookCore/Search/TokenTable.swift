/// Tokens with a value each, in order of first appearance: an open-addressing table on the
/// tokens' FNV fingerprints. Building the split index looks a token up for every posting; here a
/// token already present costs a probe and a byte comparison, with no string made and no further
/// hashing, where a `Dictionary` would do both every time.
struct TokenTable<Value> {
    private(set) var entries: [(key: TokenKey, value: Value)] = []
    /// Index + 1 into `entries`, 0 for a free slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// The value of entry `index`.
    subscript(index: Int) -> Value {
        get { entries[index].value }
        set { entries[index].value = newValue }
    }

    /// The entry of the token made of `bytes` (valid UTF-8), added with `makeValue()` if new.
    mutating func index(ofBytes bytes: UnsafeBufferPointer<UInt8>, orAdd makeValue: () -> Value) -> Int {
        let fingerprint = TokenKey.fingerprint(of: bytes)
        let makeKey = { TokenKey(String(decoding: bytes, as: UTF8.self), fingerprint: fingerprint) }
        return index(fingerprint, matching: { $0.hasBytes(bytes) }, key: makeKey, value: makeValue)
    }

    /// The entry of `key`, added with `makeValue()` if new.
    mutating func index(of key: TokenKey, orAdd makeValue: () -> Value) -> Int {
        index(key.fingerprint, matching: { $0 == key }, key: { key }, value: makeValue)
    }

    /// The entry of `key`, if it is there.
    func index(of key: TokenKey) -> Int? {
        var slot = Self.start(key.fingerprint, slots.count)
        while slots[slot] != 0 {
            let stored = Int(slots[slot])
            if entries[stored - 1].key == key { return stored - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private mutating func index(
        _ fingerprint: UInt64, matching isKey: (TokenKey) -> Bool, key makeKey: () -> TokenKey,
        value makeValue: () -> Value
    ) -> Int {
        var slot = Self.start(fingerprint, slots.count)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let key = entries[stored - 1].key
            if key.fingerprint == fingerprint, isKey(key) { return stored - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        entries.append((makeKey(), makeValue()))
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return entries.count - 1
    }

    /// Doubles the slots, keeping the table at most half full so probes stay short.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (index, entry) in entries.enumerated() {
            var slot = Self.start(entry.key.fingerprint, slots.count)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index + 1)
        }
    }

    /// The first slot to probe: the fingerprint's bits mixed (MurmurHash3's finalizer), so tokens
    /// that differ only in their last byte spread over the table.
    private static func start(_ fingerprint: UInt64, _ count: Int) -> Int {
        var mixed = fingerprint ^ (fingerprint >> 33)
        mixed = mixed &* 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        return Int(truncatingIfNeeded: mixed) & (count - 1)
    }
}
