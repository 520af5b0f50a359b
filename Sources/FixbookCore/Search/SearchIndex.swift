import Foundation

/// The JSON index of SPEC §7 (`search-index.json`), documented by `Docs/search-index.schema.json`.
public struct SearchIndex: Codable, Sendable {
    public struct Site: Codable, Sendable {
        public var title: String
        public var language: String
    }

    public struct Code: Codable, Sendable, Equatable {
        public var code: String
        public var key: String
        public var system: String
        public var message: String?
        /// The article page with the solution anchor, relative to the site root.
        public var url: String
        /// True when the article quotes the code in a symptom rather than claiming it
        /// (`QuotedCodes`): it answers the code in search, but is not listed under it.
        public var quoted: Bool? = nil
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var id: String
        public var slug: String
        public var url: String
        public var title: String
        public var summary: String
        public var category: String?
        public var categoryTitle: String?
        public var tags: [String]
        public var symptoms: [String]
        public var updated: String?
        public var headings: [String]
        public var codes: [Code]
        public var text: String
    }

    /// The index format, which the theme's `search-core.js` checks: 2 added `ranking`, 3 BM25
    /// impacts, stemmed terms and the dictionary of corrections, 4 Chinese bigrams in the dictionary
    /// (swapped), for the words that end with a character, 5 Chinese words in the dictionary by
    /// sound in a Chinese help center (`ranking.homophones`, `assets/search/homophones.js`), 6 the
    /// bonus of the longest stretch of the query an article quotes (`ranking.passage`), 7 a size
    /// typed against its number is its number and its unit, 8 `ranking.idfExponent`, 9 the codes an
    /// article's symptoms quote (`quoted`), 10 the words the customer says did not happen
    /// (`ranking.negations`), 11 the bonus of the query's adjacent words (`ranking.pairTitle`), 12
    /// where the customer already looked, before the words that say so (`ranking.negationsBefore`),
    /// 13 no correction of a word that English commonly uses (the runs of `assets/search/e/` and
    /// their first words, `english` in the entry script), 14 no correction
    /// by sound of a pair that Chinese commonly writes or of one across two words
    /// (`ranking.commonPairMargin`, the runs of `assets/search/z/`, `chinese` in the entry script).
    public var version = SearchIndex.format
    public static let format = 15
    public var site: Site
    /// The ranking's numbers, for the browser to rank with.
    public var ranking = SearchRanking.standard
    public var articles: [Entry]
    /// Code key → ids of the articles that claim it, then of those that quote it.
    public var codes: [String: [String]]
    /// Groups of words searched as one (`synonyms.yml`).
    public var synonyms: [[String]]
}

/// Builds the search index from the knowledge base and writes it as JSON and as a script.
public enum SearchIndexBuilder {
    public static func build(_ model: SiteModel) -> SearchIndex {
        let kb = model.knowledgeBase
        var codeMap = kb.byCodeKey.mapValues { $0.map { kb.articles[$0].slug } }
        let entries = kb.articles.enumerated().map { index, article -> SearchIndex.Entry in
            var codes = article.metadata.codes.enumerated().map { position, code -> SearchIndex.Code in
                SearchIndex.Code(
                    code: code.code.written, key: code.code.key, system: code.code.system.rawValue,
                    message: code.message, url: model.solutionURL(article: index, code: position)
                )
            }
            // The codes the article is listed under: its own, then each it quotes, once.
            var listedKeys = Set(article.metadata.codes.map(\.code.key))
            for quote in QuotedCodes.of(index, in: kb) {
                // (written and filed as its first claimer writes it)
                guard let claimer = kb.byCodeKey[quote.key]?.first,
                    let claim = kb.articles[claimer].metadata.codes.first(where: { $0.code.key == quote.key })
                else { continue }
                codes.append(
                    SearchIndex.Code(
                        code: claim.code.written, key: quote.key, system: claim.code.system.rawValue,
                        message: quote.message,
                        url: SiteURLs.solution(article.slug, anchor: model.firstSolutionAnchor[index]), quoted: true
                    )
                )
                if listedKeys.insert(quote.key).inserted { codeMap[quote.key]?.append(article.slug) }
            }
            return SearchIndex.Entry(
                id: article.slug, slug: article.slug, url: article.outputPath, title: article.title,
                summary: article.metadata.summary ?? "", category: article.metadata.category,
                categoryTitle: article.metadata.category.flatMap { model.categoryTitles[$0] ?? $0 },
                tags: article.metadata.tags, symptoms: article.metadata.symptoms, updated: article.metadata.updated,
                headings: article.headings.map(\.text), codes: codes, text: article.body.plainText
            )
        }
        var index = SearchIndex(
            site: .init(title: kb.config.title, language: kb.config.language), articles: entries,
            codes: codeMap, synonyms: model.synonyms
        )
        index.ranking = SearchRanking(language: kb.config.language)
        return index
    }

    /// Deterministic JSON: sorted keys, no escaped slashes (see `SearchIndexJSON`).
    public static func json(_ index: SearchIndex) -> [UInt8] {
        SearchIndexJSON.encode(index)
    }

    /// The same JSON handed to `write` piece by piece, for streaming to disk.
    public static func writeJSON(_ index: SearchIndex, to write: (ArraySlice<UInt8>) throws -> Void) rethrows {
        try SearchIndexJSON.write(index, to: write)
    }
}
