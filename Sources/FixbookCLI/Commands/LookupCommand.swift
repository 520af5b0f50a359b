import ArgumentParser
import FixbookCore
import Foundation

/// `fixbook lookup CODE|QUERY`: answers from the terminal with the same ranking as the site.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup", abstract: "Find the article(s) for a code or a question and print the solution."
    )

    @OptionGroup var options: RootOptions

    @Argument(help: "An error code (0x800CCC0F, 550, 5.1.1) or a question (收不到外域邮件).")
    var query: [String] = []

    @Option(help: "Output format: text or json.")
    var format: LookupFormat = .text

    @Option(help: "In a help center in several languages, the language to search (default: the first).")
    var language: String?

    @Option(help: "How many articles to list.")
    var limit = 5

    @Option(
        help: ArgumentHelp(
            "Answer each line of this file (- for standard input) as its own query, loading the site once; with --format json, one JSON array a line.",
            valueName: "file"))
    var queries: String?

    func validate() throws {
        if query.isEmpty && queries == nil { throw ValidationError("give a code or a question, or --queries FILE") }
        if !query.isEmpty && queries != nil { throw ValidationError("give either a query or --queries, not both") }
    }

    enum LookupFormat: String, ExpressibleByArgument {
        case text, json
    }

    private struct Answer: Encodable {
        var slug: String
        var title: String
        var url: String
        var codes: [String]
        var score: Double
        /// The words of the question the article does not hold, as the search page strikes them.
        var missing: [String]
        var solution: String?
    }

    func run() throws {
        let root = options.rootURL
        let center = try HelpCenter.load(root: root, options: LoadOptions(sectionTexts: true))
        guard let model = center.edition(language)?.model else {
            let tags = center.config.languages.map(\.tag)
            throw FixbookError(
                "the help center has no language '\(language ?? "")'"
                    + (tags.isEmpty
                        ? " (fixbook.yml lists no languages)" : "; use one of \(tags.joined(separator: ", "))"))
        }
        let kb = model.knowledgeBase
        let index = SearchIndexBuilder.build(model)
        let engine = SearchEngine(index: index)
        func answers(_ text: String) -> [Answer] { answer(text).answers }
        func answer(_ text: String) -> (answers: [Answer], corrections: [SearchEngine.Correction]) {
            let found = engine.answer(text, limit: max(1, limit))
            let answers = found.results.map { result in
                Answer(
                    slug: result.slug, title: result.title, url: result.url, codes: result.matchedCodes,
                    score: result.score, missing: result.missing,
                    solution: kb.bySlug[result.slug].flatMap { solutionText(model, article: $0, url: result.url) }
                )
            }
            return (answers, found.corrections)
        }
        if let queries {
            try answerEach(try readQueries(queries), with: answers)
            return
        }
        let text = query.joined(separator: " ")
        let (answers, corrections) = answer(text)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(answers), as: UTF8.self))
        case .text:
            guard let best = answers.first else {
                print("no article matches '\(text)'; contact \(kb.config.support)")
                throw ContentErrors()
            }
            let ranking = index.ranking
            if ranking.searchedPart(text) != text {
                print("searched the first \(ranking.maximumQueryLength) characters of the query\n")
            }
            if !corrections.isEmpty { print("showing results for '\(Self.corrected(text, corrections))'\n") }
            let output = kb.config.output
            print("\(best.title)\n  \(output)/\(best.url)")
            if !best.codes.isEmpty { print("  codes: \(best.codes.joined(separator: ", "))") }
            if let solution = best.solution, !solution.isEmpty {
                print("")
                for line in solution.split(separator: "\n") { print("  \(line)") }
            }
            if answers.count > 1 {
                print("\nalso:")
                for answer in answers.dropFirst() { print("  \(answer.title)\n    \(output)/\(answer.url)") }
            }
        }
        if answers.isEmpty { throw ContentErrors() }
    }

    /// The query with each misspelled word as it was searched, as the search page shows it
    /// (`search.js`): normalized as searched, every occurrence corrected, an English word only
    /// where it is a whole word.
    static func corrected(_ text: String, _ corrections: [SearchEngine.Correction]) -> String {
        var corrected = text.precomposedStringWithCompatibilityMapping
        for correction in corrections {
            let isWord = correction.typed.contains(where: Self.isASCIILetter)
            var from = corrected.startIndex
            while let found = corrected.range(
                of: correction.typed, options: .caseInsensitive, range: from..<corrected.endIndex)
            {
                let before =
                    found.lowerBound == corrected.startIndex
                    ? nil : corrected[corrected.index(before: found.lowerBound)]
                let after = found.upperBound == corrected.endIndex ? nil : corrected[found.upperBound]
                guard !isWord || !(before.map(Self.isASCIILetter) ?? false) && !(after.map(Self.isASCIILetter) ?? false)
                else {
                    from = corrected.index(after: found.lowerBound)
                    continue
                }
                let offset =
                    corrected.distance(from: corrected.startIndex, to: found.lowerBound) + correction.corrected.count
                corrected.replaceSubrange(found, with: correction.corrected)
                from = corrected.index(corrected.startIndex, offsetBy: offset)
            }
        }
        return corrected
    }

    private static func isASCIILetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }

    /// Each query's answers: a JSON array a line, or the best title and link a line.
    private func answerEach(_ lines: [String], with answers: (String) -> [Answer]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for line in lines {
            let found = answers(line)
            switch format {
            case .json: print(String(decoding: try encoder.encode(found), as: UTF8.self))
            case .text: print(found.first.map { "\(line)\t\($0.slug)\t\($0.url)" } ?? "\(line)\t-")
            }
        }
    }

    private func readQueries(_ path: String) throws -> [String] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: path) else {
                throw FixbookError("cannot read \(path)")
            }
            data = read
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
    }

    /// The plain text of the section the result links to, or of the first solution section.
    private func solutionText(_ model: SiteModel, article index: Int, url: String) -> String? {
        let fragment = url.split(separator: "#", maxSplits: 1).dropFirst().first.map {
            String($0).removingPercentEncoding ?? String($0)
        }
        let anchor = fragment ?? model.firstSolutionAnchor[index]
        return anchor.flatMap { model.articles[index].body.sectionText[$0] }
    }
}
