import Foundation
import Testing

@testable import FixbookCore

/// Counts the instances alive, so a test can see that parallel work lets its values go.
private final class Tracked: Sendable {
    nonisolated(unsafe) static var alive = 0
    static let lock = NSLock()
    let number: Int
    init(_ number: Int) {
        self.number = number
        Tracked.lock.withLock { Tracked.alive += 1 }
    }
    deinit { Tracked.lock.withLock { Tracked.alive -= 1 } }
}

@Suite(.serialized) struct ParallelWorkTests {
    @Test func parallelMapKeepsOrderAndFreesEveryResult() {
        let before = Tracked.lock.withLock { Tracked.alive }
        do {
            let results = Array(0..<5_000).parallelMap { Tracked($0) }
            #expect(results.map(\.number) == Array(0..<5_000))
            #expect(Tracked.lock.withLock { Tracked.alive } == before + 5_000)
        }
        // Each result used to keep one reference from the work buffer for the rest of the run.
        #expect(Tracked.lock.withLock { Tracked.alive } == before)
    }

    @Test func takeOnceStoreHandsOutEachValueAndLetsItGo() {
        let before = Tracked.lock.withLock { Tracked.alive }
        let store = TakeOnceStore((0..<1_000).map { Tracked($0) })
        let numbers = Array(0..<1_000).parallelMap { store.take($0).number }
        #expect(numbers == Array(0..<1_000))
        // Taken values are gone although the store is still alive.
        #expect(Tracked.lock.withLock { Tracked.alive } == before)
        withExtendedLifetime(store) {}
    }

    @Test func renderedOnceGivesEveryThreadTheSameHTMLForAKey() {
        let cache = RenderedOnce<Int>()
        let renders = NSLock()
        nonisolated(unsafe) var count = 0
        let results = Array(0..<4_000).parallelMap { index in
            cache.value(for: index % 8) {
                renders.withLock { count += 1 }
                return "<nav>\(index % 8) \(UUID().uuidString)</nav>"
            }
        }
        // Whoever rendered first, all the pages of a key get that one result.
        for key in 0..<8 {
            #expect(Set(results.enumerated().filter { $0.offset % 8 == key }.map(\.element)).count == 1)
        }
        #expect(renders.withLock { count } < 100)
    }
}
