/// A category from `Content/categories.yml`: a key articles name, and how it is shown.
public struct Category: Sendable, Hashable {
    public var key: String
    public var title: String
    public var description: String
    public var order: Int

    public init(key: String, title: String, description: String = "", order: Int = 0) {
        self.key = key
        self.title = title
        self.description = description
        self.order = order
    }

    /// Reads `categories.yml`: a mapping of key → `{title, description, order}` (or key → title).
    public static func decodeAll(_ yaml: String, path: String) -> ([Category], [Diagnostic]) {
        var reader = YAMLReader(file: path, lineOffset: 0)
        guard let root = reader.compose(yaml, rule: .categoriesInvalid),
            let pairs = reader.mappingPairs(root, what: "categories.yml")
        else { return ([], reader.diagnostics) }
        var categories: [Category] = []
        for (index, (key, _, value)) in pairs.enumerated() {
            var category = Category(key: key, title: key, order: index)
            if case .scalar = value.node {
                category.title = reader.string(value, key: key) ?? key
            } else if let fields = reader.mappingPairs(value.node, what: "category '\(key)'") {
                for (field, fieldLine, fieldValue) in fields {
                    switch field {
                    case "title": category.title = reader.string(fieldValue, key: field) ?? key
                    case "description": category.description = reader.string(fieldValue, key: field) ?? ""
                    case "order": category.order = reader.int(fieldValue, key: field) ?? index
                    default:
                        reader.report(
                            .unknownKey, line: fieldLine, column: 1,
                            "unknown key '\(field)' in category '\(key)'", severity: .warning
                        )
                    }
                }
            }
            categories.append(category)
        }
        return (categories, reader.diagnostics)
    }
}
