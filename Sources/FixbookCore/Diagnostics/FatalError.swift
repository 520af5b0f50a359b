/// A problem that stops the whole run (unreadable root, broken template, failed write).
///
/// Content problems are `Diagnostic`s instead; these are thrown and map to exit code 2.
public struct FixbookError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
