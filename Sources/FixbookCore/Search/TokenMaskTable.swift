/// The distinct tokens of one article with the mask of the fields each appears in, in order of
/// first appearance. An open-addressing table on the tokens' FNV fingerprints: a token already
/// seen costs one fingerprint and a probe, with no string made and no further hashing. Most of an
/// article's tokens are repeats, and a `Dictionary` hashed and compared every one of them again,
/// the largest part of building the split index.
struct TokenMaskTable {
    private(set) var entries: [(key: TokenKey, mask: UInt8)] = []
    /// Index + 1 into `entries`, 0 for a free slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// Adds the token made of `bytes` (valid UTF-8) to the fields in `field`.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ field: UInt8) {
        let fingerprint = TokenKey.fingerprint(of: bytes)
        var slot = Self.start(fingerprint, slots.count)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let key = entries[stored - 1].key
            if key.fingerprint == fingerprint, key.hasBytes(bytes) {
                entries[stored - 1].mask |= field
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        entries.append((TokenKey(String(decoding: bytes, as: UTF8.self), fingerprint: fingerprint), field))
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
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
