/// Values that parallel work takes by index, each exactly once: a value is freed as soon as it is
/// taken, not when the whole collection is. Taking distinct indices from many threads is safe;
/// taking one index twice is a bug and stops the program.
final class TakeOnceStore<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>
    let count: Int

    init(_ values: [Value]) {
        count = values.count
        slots = .allocate(capacity: values.count)
        _ = slots.initialize(from: values.map { Optional($0) })
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// The value at `index`, which no longer holds it.
    func take(_ index: Int) -> Value {
        guard let value = slots[index].take() else { preconditionFailure("value \(index) was taken twice") }
        return value
    }
}
