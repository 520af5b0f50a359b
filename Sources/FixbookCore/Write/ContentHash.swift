import Foundation

/// A fast 64-bit hash of a file's bytes, for telling whether an output file changed since the
/// last build (`OutputManifest`). Not cryptographic: it guards against accidents, not forgery.
/// Reads 16 bytes a step and folds them with one 64×64→128-bit multiply (the scheme of wyhash).
enum ContentHash {
    private static let k0: UInt64 = 0xa076_1d64_78bd_642f
    private static let k1: UInt64 = 0xe703_7ed1_a0b4_28db
    private static let k2: UInt64 = 0x8ebc_6af0_9c88_c6e3

    /// Both halves of the full product, folded: every input bit reaches every output bit.
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    static func of(_ data: Data) -> UInt64 { data.withUnsafeBytes { of($0) } }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var state = fold(UInt64(truncatingIfNeeded: count) ^ k0, k1)
        var offset = 0
        while offset + 16 <= count {
            let first = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let second = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
            state = fold(first ^ k1, second ^ state)
            offset += 16
        }
        // The last 0–15 bytes, zero-padded; the length above keeps "a" and "a\0" apart.
        var tail: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...])) }
        state = fold(tail.0 ^ k2, tail.1 ^ state)
        return fold(state ^ k0, k2)
    }
}
