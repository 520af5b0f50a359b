import Foundation

/// A file the build writes, by its path inside the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// Bytes as they are (the search index: hundreds of MB at scale, never copied into a String).
        case bytes([UInt8])
        /// Bytes produced piece by piece, for a file too big to hold twice (the index script).
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
