extension Array where Element: Comparable {
    /// Where `value` is, or would go, in this array sorted ascending: a binary search.
    func sortedPlace(of value: Element) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
