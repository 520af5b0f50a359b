import Yams

/// Decodes front matter YAML into `ArticleMetadata`, collecting every problem as a diagnostic.
public enum ArticleMetadataDecoder {
    /// Decodes `split.yaml` of the file at `path`. `config` says which foreign keys are read as
    /// Fixbook's (`keyAliases`) and which are not warned about (`ignoreKeys`).
    public static func decode(
        _ split: FrontMatterSplit, path: String, config: SiteConfig = SiteConfig()
    ) -> (ArticleMetadata, [Diagnostic]) {
        var reader = YAMLReader(file: path, lineOffset: split.yamlFirstLine - 1)
        var metadata = ArticleMetadata()
        guard let root = reader.compose(split.yaml) else {
            if reader.diagnostics.isEmpty {
                reader.report(
                    .frontMatterEmpty, line: 1, column: 1, "front matter is empty; it needs at least a title")
            }
            return (metadata, reader.diagnostics)
        }
        guard let pairs = reader.mappingPairs(root, what: "front matter") else { return (metadata, reader.diagnostics) }

        for (writtenKey, keyLine, value) in pairs {
            let key = config.keyAliases[writtenKey] ?? writtenKey
            metadata.keyLines[key] = keyLine
            switch key {
            case "title": metadata.title = reader.string(value, key: key)
            case "slug": metadata.slug = reader.string(value, key: key)
            case "category": metadata.category = reader.string(value, key: key)
            case "summary": metadata.summary = reader.string(value, key: key)
            case "updated": metadata.updated = reader.date(value, key: key)
            case "symptoms", "tags":
                let items = shownOnce(reader.stringList(value, key: key), key: key, reader: &reader)
                if key == "symptoms" { metadata.symptoms = items } else { metadata.tags = items }
            case "aliases":
                metadata.aliases = reader.stringList(value, key: key).map { LocatedString($0.text, line: $0.line) }
            case "related":
                metadata.related = reader.stringList(value, key: key).map { LocatedString($0.text, line: $0.line) }
            case "order": metadata.order = reader.int(value, key: key)
            case "featured": metadata.featured = reader.bool(value, key: key) ?? false
            case "translationKey": metadata.translationKey = reader.string(value, key: key)
            case "draft": metadata.draft = reader.bool(value, key: key) ?? false
            case "codes": metadata.codes = decodeCodes(value, reader: &reader)
            default:
                if config.ignores(key: key) { continue }
                let likely = suggestion(forUnknownKey: key)
                reader.report(
                    .unknownKey, line: keyLine, column: 1,
                    "unknown front-matter key '\(key)'" + (likely.map { "; did you mean '\($0)'?" } ?? ""),
                    severity: .warning, suggestion: likely
                )
            }
        }
        return (metadata, reader.diagnostics)
    }

    /// The items of a list the page shows (symptoms, tags), each once: a repeat is reported at its
    /// line and left out, so that readers do not see the same line twice.
    private static func shownOnce(
        _ items: [(text: String, line: Int)], key: String, reader: inout YAMLReader
    ) -> [String] {
        var firstLines: [String: Int] = [:]
        var kept: [String] = []
        for item in items {
            if let first = firstLines[item.text] {
                reader.report(
                    .repeatedEntry, line: item.line, column: 1,
                    "'\(item.text)' is listed in '\(key)' already, on line \(first); the page shows it once",
                    severity: .warning)
                continue
            }
            firstLines[item.text] = item.line
            kept.append(item.text)
        }
        return kept
    }

    private static func decodeCodes(_ value: LocatedNode, reader: inout YAMLReader) -> [ArticleCode] {
        guard case .sequence(let sequence) = value.node else {
            if case .scalar(let scalar) = value.node, scalar.string.isEmpty { return [] }
            reader.report(.wrongType, at: value, "'codes' must be a list of codes")
            return []
        }
        var codes: [ArticleCode] = []
        for item in sequence {
            let here = reader.locate(item)
            switch item {
            case .scalar(let scalar):
                if let code = parseCode(scalar.string, system: nil, at: here, reader: &reader) {
                    codes.append(ArticleCode(code: code, line: here.line))
                }
            case .mapping:
                if let code = decodeMappedCode(here, reader: &reader) { codes.append(code) }
            default:
                reader.report(
                    .wrongType, at: here, "a code must be a value or a mapping {code, message, system, solution}")
            }
        }
        return codes
    }

    private static func decodeMappedCode(_ here: LocatedNode, reader: inout YAMLReader) -> ArticleCode? {
        guard let pairs = reader.mappingPairs(here.node, what: "a code") else { return nil }
        var written: (String, LocatedNode)?
        var message: String?
        var solution: String?
        var system: CodeSystem?
        for (key, keyLine, value) in pairs {
            switch key {
            case "code": written = reader.string(value, key: "code").map { ($0, value) }
            case "message": message = reader.string(value, key: "message")
            case "solution": solution = reader.string(value, key: "solution")
            case "system":
                guard let name = reader.string(value, key: "system") else { continue }
                system = CodeSystem(rawValue: name)
                if system == nil {
                    reader.report(
                        .unknownCodeSystem, at: value,
                        "unknown code system '\(name)'; use one of "
                            + CodeSystem.allCases.map(\.rawValue).joined(separator: ", ")
                    )
                }
            default:
                reader.report(
                    .unknownKey, line: keyLine, column: value.column,
                    "unknown key '\(key)' in a code; use code, message, system, solution",
                    severity: .warning
                )
            }
        }
        guard let (text, codeNode) = written else {
            reader.report(.wrongType, at: here, "a code mapping needs a 'code' key")
            return nil
        }
        guard let code = parseCode(text, system: system, at: codeNode, reader: &reader) else { return nil }
        return ArticleCode(code: code, message: message, solutionAnchor: solution, line: codeNode.line)
    }

    private static func parseCode(
        _ text: String, system: CodeSystem?, at here: LocatedNode, reader: inout YAMLReader
    ) -> ErrorCode? {
        let result = CodeNormalizer.parse(text, declared: system)
        switch result {
        case .valid(let code):
            return code
        case .malformed(_, let suggestion):
            reader.report(.malformedCode, at: here, result.problem ?? "", suggestion: suggestion)
            return nil
        }
    }

    /// A known key the unknown one is probably a typo of (`tag` → `tags`).
    static func suggestion(forUnknownKey key: String) -> String? {
        let lower = key.lowercased()
        let candidates = ArticleMetadata.knownKeys.filter {
            $0 == lower || $0 == lower + "s" || $0 + "s" == lower || EditDistance.between($0, lower) <= 2
        }
        return candidates.sorted().first
    }
}
