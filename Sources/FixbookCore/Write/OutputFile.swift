import Foundation

/// A file the build writes, by its path inside the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        case bytes([UInt8])
        /// Bytes produced piece by piece, for files too big to hold twice (the search index).
        case stream(@Sendable (_ write: (ArraySlice<UInt8>) throws -> Void) throws -> Void)
        /// A file copied as it is (theme assets, content images).
        case copy(from: String)
    }

    public var path: String
    public var contents: Contents

    public init(path: String, text: String) {
        self.path = path
        self.contents = .text(text)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.contents = .bytes(bytes)
    }

    public init(path: String, stream: @escaping @Sendable (_ write: (ArraySlice<UInt8>) throws -> Void) throws -> Void)
    {
        self.path = path
        self.contents = .stream(stream)
    }

    public init(path: String, copyFrom source: String) {
        self.path = path
        self.contents = .copy(from: source)
    }
}
