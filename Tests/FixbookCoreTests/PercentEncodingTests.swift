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

    @Test func fragmentsAsFoundationEncodesThemForEveryCharacter() {
        var generator = SystemRandomNumberGenerator()
        let ascii = (0..<128).compactMap { Unicode.Scalar($0) }
        let others = Array("解决方法é😀\u{FFFD}\u{0301}".unicodeScalars)
        for round in 0..<2000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                view.append(round % 2 == 0 ? ascii.randomElement()! : others.randomElement()!)
            }
            let text = String(view)
            #expect(encodeFragment(text) == text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed))
        }
        let every = String(String.UnicodeScalarView(ascii))
        #expect(encodeFragment(every) == every.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed))
    }

    @Test(arguments: samples) func slugsAndFragmentsAsFoundationEncodesThem(_ text: String) {
        let slugAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
        #expect(TermSlug.href(text) == text.addingPercentEncoding(withAllowedCharacters: slugAllowed))
        #expect(encodeFragment(text) == text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed))
    }
}
