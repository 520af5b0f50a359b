import FixbookTestSupport
import Foundation
import Testing

/// Templates read view models through `child(named:)` switches instead of `Mirror`; a property
/// without its case would silently render empty, so every stored property must have one.
@Suite struct ViewModelLookupTests {
    @Test func everyViewModelPropertyHasALookupCase() throws {
        let folder = repositoryRoot.appendingPathComponent("Sources/FixbookCore/Render")
        let models =
            try String(contentsOf: folder.appendingPathComponent("ViewModels.swift"), encoding: .utf8)
            + String(contentsOf: folder.appendingPathComponent("UIStrings.swift"), encoding: .utf8)
        let lookups = try String(
            contentsOf: folder.appendingPathComponent("ViewModels+Mustache.swift"), encoding: .utf8)
        var type: String?
        var missing: [String] = []
        for line in models.split(separator: "\n") {
            let words = line.split(separator: " ")
            if let index = words.firstIndex(where: { $0 == "struct" }), index + 1 < words.count {
                type = String(words[index + 1].prefix { $0.isLetter })
                #expect(lookups.contains("extension \(type!): MustacheParent"), "\(type!) has no lookup")
            } else if let type, line.hasPrefix("    var ") || line.hasPrefix("    public var "),
                let name = words.drop(while: { $0 != "var" }).dropFirst().first
            {
                let property = name.prefix { $0 != ":" }
                if !lookups.contains("case \"\(property)\": \(property)") { missing.append("\(type).\(property)") }
            }
        }
        #expect(missing.isEmpty, "properties without a lookup case: \(missing)")
    }
}
