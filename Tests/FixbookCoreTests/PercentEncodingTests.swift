import Foundation
import Testing

@testable import FixbookCore

/// Paths, tag slugs and fragments skip Foundation's percent-encoding when they are plain ASCII;
/// the result must be what Foundation gives, for plain and for hostile text alike.
@Suite struct PercentEncodingTests {
    static let samples = [
        "", "articles/outlook-0x800ccc0f.html", "tags/发信.html", "a b/c", "100%", "x#y?z", "a/../b", "~user/_x-y.z",
        "codes/5.1.1.html", "line\nbreak", "引号\"<>", "UPPER/lower/09", "/", "//",
    ]

    @Test(arguments: samples) func pathsAsFoundationEncodesEachSegment(_ path: String) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let expected = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed)! }.joined(separator: "/")
        #expect(encodePath(path) == expected)
    }

    @Test(arguments: samples) func slugsAndFragmentsAsFoundationEncodesThem(_ text: String) {
        let slugAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
        #expect(TermSlug.href(text) == text.addingPercentEncoding(withAllowedCharacters: slugAllowed))
        #expect(encodeFragment(text) == text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed))
    }
}
