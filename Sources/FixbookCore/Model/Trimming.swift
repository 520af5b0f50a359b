extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, newlines, U+3000…).
    ///
    /// Pure Swift: Foundation's `trimmingCharacters` bridges through NSString on every call.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
