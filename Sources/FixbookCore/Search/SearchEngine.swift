/// The ranking of `Templates/assets/search-core.js`, in Swift, so `fixbook check` runs the knowledge
/// base's search tests and `fixbook lookup` answers exactly as the browser does. Keep the two in
/// step: the JS header comment is the specification; the shared tests guard it.
public struct SearchEngine: Sendable {
    /// One ranked article.
    public struct Result: Sendable, Equatable {
        public var slug: String
        public var title: String
        /// The article page, or its solution anchor when the article matched by an error code.
        public var url: String
        public var score: Double
        /// The share of the query's weight the article matched.
        public var fraction: Double
        /// The codes of this article that the query named.
        public var matchedCodes: [String]
        /// The words of the query the article does not hold, as typed.
        public var missing: [String]
    }

    /// The results of a query, and what was done to find them.
    public struct Answer: Sendable, Equatable {
        public var results: [Result]
        /// Each misspelled word and the word it was searched as.
        public var corrections: [Correction]
        /// Whether no article holds every word of the query, so the best partial matches show.
        public var partial: Bool
    }

    public struct Correction: Sendable, Equatable {
        public var typed: String
        public var corrected: String
    }

    private struct NormalizedText: Sendable {
        var title: [Unicode.Scalar]
        var symptoms: [[Unicode.Scalar]]
        var body: [Unicode.Scalar]
    }

    /// A document holding a term: the fields that hold it and its impact (`SearchScoring`).
    private struct Posting: Sendable {
        var document: Int
        var mask: UInt8
        var impact: Int
    }

    private struct TermPostings: Sendable {
        var postings: [Posting]
        var idf: Int
    }

    /// A plain English word of the articles (or a Chinese bigram with its characters swapped, or a
    /// Chinese word under its sounds: `ChineseHomophones`), its term, and how many articles hold
    /// the term.
    private struct DictionaryWord: Sendable {
        var word: String
        var term: String
        var frequency: Int
    }

    private let articles: [SearchIndex.Entry]
    private let ranking: SearchRanking
    private let postings: [String: TermPostings]
    private let vocabulary: [String]
    private let dictionary: [DictionaryWord]
    private let dictionaryWords: [String]
    private let absentIDF: Int
    private let stopTerms: Set<String>
    private let pairlessTerms: Set<String>
    private let texts: [NormalizedText]
    private let groups: [[String]]
    private let synonymForms: SynonymForms
    private let codeDocuments: [String: [Int]]
    private let messageKeys: [(key: String, tokens: [String])]

    /// Prepares the inverted index (term → documents, field masks and impacts), as
    /// search-core.js does on first use.
    public init(index: SearchIndex) {
        articles = index.articles
        ranking = index.ranking
        let stopTerms = Set(index.ranking.stopTerms)
        self.stopTerms = stopTerms
        pairlessTerms = Set(index.ranking.pairlessTerms)
        let documents = index.articles.map {
            SearchFields.terms(of: $0, words: true, homophones: index.ranking.homophones)
        }
        let lengths = documents.map(\.lengths)
        let scoring = SearchScoring(ranking: index.ranking, lengths: lengths)
        var raw: [String: [(Int, SearchFields.TermCounts)]] = [:]
        var words: [String: String] = [:]
        for (document, terms) in documents.enumerated() {
            for (key, counts) in terms.terms { raw[key.text, default: []].append((document, counts)) }
            for (word, term) in terms.words { words[word.text] = term.text }
        }
        var postings: [String: TermPostings] = [:]
        for (term, list) in raw {
            let dense = scoring.isDense(list.count)
            postings[term] = TermPostings(
                postings: list.map { document, counts in
                    let impact =
                        dense
                        ? SearchScoring.denseImpact(counts.mask, index.ranking)
                        : scoring.impact(counts, lengths: lengths[document])
                    return Posting(document: document, mask: counts.mask, impact: impact)
                },
                idf: scoring.idf(list.count, stop: index.ranking.isStop(term, stopTerms: stopTerms))
            )
        }
        self.postings = postings
        absentIDF = scoring.idf(0, stop: false)
        dictionary = words.map { DictionaryWord(word: $0.key, term: $0.value, frequency: raw[$0.value]?.count ?? 0) }
            .sorted { SearchTokenizer.utf16Less($0.word, $1.word) }
        dictionaryWords = dictionary.map(\.word)
        texts = index.articles.map { article in
            NormalizedText(
                title: Array(SearchTokenizer.normalize(article.title).unicodeScalars),
                symptoms: article.symptoms.map { Array(SearchTokenizer.normalize($0).unicodeScalars) },
                body: Array(SearchTokenizer.normalize(article.text).unicodeScalars)
            )
        }
        vocabulary = postings.keys.sorted(by: SearchTokenizer.utf16Less)
        groups = index.synonyms.map { group in
            group.map { CodeNormalizer.collapseWhitespace(SearchTokenizer.normalize($0)) }
                .filter { !SearchTokenizer.tokenizeNormalized($0).isEmpty }
        }.filter { $0.count > 1 }
        synonymForms = SynonymForms(groups: groups)

        var documentByID: [String: Int] = [:]
        for (document, article) in index.articles.enumerated() where documentByID[article.id] == nil {
            documentByID[article.id] = document
        }
        var codeDocuments: [String: [Int]] = [:]
        for (key, ids) in index.codes {
            var list: [Int] = []
            for id in ids { if let document = documentByID[id], !list.contains(document) { list.append(document) } }
            codeDocuments[key] = list
        }
        self.codeDocuments = codeDocuments
        messageKeys = codeDocuments.keys.sorted(by: SearchTokenizer.utf16Less).compactMap { key in
            SearchTokenizer.messageTokens(ofCodeKey: key).map { (key, $0) }
        }
    }

    // MARK: - Query

    private struct Concept {
        var full: [[String]]
        var half: [[String]]
        var prefix: String?
        /// What the customer typed for it, shown struck through when a result lacks it.
        var text: String
        /// The plain English word typed, which may be corrected when nothing holds it.
        var word: String?
        var corrected: String?
        /// The index words that start with `prefix`, the last word while it is typed.
        var completions: [String] = []
        /// The characters searched alone when no article holds the concept (the fallback).
        var searched: [Unicode.Scalar] = []
        /// Whether it is a Chinese pair searched as the pair of the same sounds (`corrected`).
        var soundsLike = false
        /// Whether the customer says it did not happen (`NegatedWords`): it weighs
        /// `ranking.negatedFactor` of its weight.
        var negated = false
    }

    private struct ParsedQuery {
        var normalized: [Unicode.Scalar]
        var tokens: [String]
        var concepts: [Concept]
        var codeKeys: [String]
        /// The ranges of `normalized` the customer says did not happen (`NegatedWords`).
        var negated: [Range<Int>]
    }

    private func parse(_ query: String, typing allowPrefix: Bool) -> ParsedQuery {
        let raw = SearchTokenizer.normalize(ranking.searchedPart(query))
        let norm = CodeNormalizer.collapseWhitespace(raw)
        let scalars = Array(norm.unicodeScalars)
        let typing = allowPrefix && !(raw.unicodeScalars.last.map { Character($0).isWhitespace } ?? false)
        let allTokens = SearchTokenizer.tokenizeNormalized(norm)

        // Synonym occurrences, as typed, with one word in between (`gapped`) or in other forms of
        // their words (`SynonymForms`): longest word first, then leftmost, then as typed, no overlaps.
        typealias Occurrence = (start: Int, end: Int, group: Int, word: String, gap: Range<Int>?)
        var occurrences: [Occurrence] = []
        for (groupIndex, group) in groups.enumerated() {
            for word in group {
                let needle = Array(word.unicodeScalars)
                for start in Self.occurrences(of: needle, in: scalars)
                where Self.boundaryOK(scalars, start, start + needle.count) {
                    occurrences.append((start, start + needle.count, groupIndex, word, nil))
                }
                for found in Self.gapped(needle, in: scalars) {
                    occurrences.append((found.start, found.end, groupIndex, word, found.gap))
                }
            }
        }
        for found in synonymForms.occurrences(in: scalars) {
            occurrences.append((found.start, found.end, found.group, found.word, nil))
        }
        occurrences.sort {
            let length0 = Self.utf16Length($0.word)
            let length1 = Self.utf16Length($1.word)
            if length0 != length1 { return length0 > length1 }
            if $0.start != $1.start { return $0.start < $1.start }
            if $0.group != $1.group { return $0.group < $1.group }
            return $0.end < $1.end
        }
        var picked: [Occurrence] = []
        for occurrence in occurrences
        where !picked.contains(where: { occurrence.start < $0.end && $0.start < occurrence.end }) {
            picked.append(occurrence)
        }
        picked.sort { $0.start < $1.start }

        let negatedScopes = NegatedWords.scopes(in: scalars, ranking: ranking)
        var negating = false
        var concepts: [Concept] = []
        var seen: [String: Int] = [:]
        func push(_ concept: Concept) {
            var concept = concept
            concept.negated = negating
            let signature =
                concept.full.map { $0.joined(separator: "\u{1}") }.joined(separator: "\u{2}") + "\u{3}"
                + concept.half.map { $0.joined(separator: "\u{1}") }.joined(separator: "\u{2}")
            // (a word said twice, once negated, is a word of the question)
            if let index = seen[signature] {
                concepts[index].negated = concepts[index].negated && concept.negated
            } else {
                seen[signature] = concepts.count
                concepts.append(concept)
            }
        }
        // A negated word is a piece of its own, whose concepts are negated.
        func textPiece(_ piece: ArraySlice<Unicode.Scalar>, isLast: Bool) {
            var start = piece.startIndex
            for scope in negatedScopes where scope.lowerBound < piece.endIndex && scope.upperBound > start {
                let lower = max(scope.lowerBound, start)
                let upper = min(scope.upperBound, piece.endIndex)
                if lower > start { wordsPiece(piece[start..<lower], isLast: false) }
                negating = true
                wordsPiece(piece[lower..<upper], isLast: isLast && upper == piece.endIndex)
                negating = false
                start = upper
            }
            if start < piece.endIndex || start == piece.startIndex {
                wordsPiece(piece[start..<piece.endIndex], isLast: isLast)
            }
        }
        func wordsPiece(_ piece: ArraySlice<Unicode.Scalar>, isLast: Bool) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: piece)
            var terms = SearchTokenizer.termsWithWords(String(view))
            // A host name, address or file name is one concept: whole, or its words in one field
            // at half score; its words are not concepts of their own.
            var index = 0
            while index < terms.count {
                let parts = terms[index].parts.count
                if parts > 0 {
                    terms.removeSubrange((index - parts)..<index)
                    index -= parts
                }
                index += 1
            }
            for (index, found) in terms.enumerated() {
                let (token, word) = (found.term, found.word)
                var concept = Concept(
                    full: [[token]], half: found.parts.isEmpty ? [] : [found.parts], prefix: nil, text: word,
                    word: found.plain ? word : nil, corrected: nil
                )
                if let key = SearchTokenizer.codeKey(ofToken: token) {
                    let keyTokens = SearchTokenizer.tokenize(key)
                    if !keyTokens.isEmpty, !(keyTokens.count == 1 && keyTokens[0] == token) {
                        concept.full.append(keyTokens)
                    }
                }
                if isLast, index == terms.count - 1, typing, Self.utf16Length(token) >= ranking.prefixMinimum,
                    let first = token.unicodeScalars.first,
                    (0x61...0x7A).contains(first.value) || (0x30...0x39).contains(first.value),
                    norm.hasSuffix(word)
                {
                    concept.prefix = word
                }
                push(concept)
            }
        }
        var position = 0
        for occurrence in picked {
            textPiece(scalars[position..<occurrence.start], isLast: false)
            let own = SearchTokenizer.tokenizeNormalized(occurrence.word)
            let half = groups[occurrence.group].filter { $0 != occurrence.word }.map(SearchTokenizer.tokenizeNormalized)
                .filter { !$0.isEmpty }
            // (what was typed, shown struck through when a result lacks it: `alerts` for alert)
            var typed = String.UnicodeScalarView()
            typed.append(contentsOf: scalars[occurrence.start..<occurrence.end])
            let text = occurrence.gap == nil ? String(typed) : occurrence.word
            negating = negatedScopes.contains { $0.contains(occurrence.start) }
            push(Concept(full: [own], half: half, prefix: nil, text: text, word: nil, corrected: nil))
            negating = false
            // (the word in between is a word of the query too)
            if let gap = occurrence.gap { textPiece(scalars[gap], isLast: false) }
            position = occurrence.end
        }
        textPiece(scalars[position...], isLast: true)

        // Prefix completions of the last token (scored in proportion to the share typed), and
        // every synonym group with a word that starts with it (half score).
        for index in concepts.indices {
            guard let prefix = concepts[index].prefix else { continue }
            concepts[index].completions = terms(startingWith: prefix)
            for group in groups where group.contains(where: { $0 != prefix && $0.utf16.starts(with: prefix.utf16) }) {
                for word in group {
                    let tokens = SearchTokenizer.tokenizeNormalized(word)
                    if !tokens.isEmpty { concepts[index].half.append(tokens) }
                }
            }
        }

        var keys = SearchTokenizer.codeKeys(ofTokens: allTokens)
        for key in SearchTokenizer.splitCodeKeys(ofTokens: allTokens) where !keys.contains(key) { keys.append(key) }
        for message in messageKeys where !keys.contains(message.key) && Self.containsRun(allTokens, message.tokens) {
            keys.append(message.key)
        }
        return ParsedQuery(
            normalized: scalars, tokens: allTokens, concepts: concepts, codeKeys: keys, negated: negatedScopes)
    }

    // MARK: - Ranking

    /// Ranked results for `query`, best first. `typing` enables prefix matching of the last word.
    public func search(_ query: String, typing: Bool = true, limit: Int? = nil) -> [Result] {
        answer(query, typing: typing, limit: limit).results
    }

    /// Ranked results for `query` with the corrections made; `correcting` false searches the
    /// words exactly as typed.
    public func answer(_ query: String, typing: Bool = true, correcting: Bool = true, limit: Int? = nil) -> Answer {
        var parsed = parse(query, typing: typing)
        if parsed.concepts.isEmpty && parsed.codeKeys.isEmpty {
            return Answer(results: [], corrections: [], partial: false)
        }

        var corrections: [Correction] = []
        var entries: [Int: (terms: Double, matched: Double, codeKeys: [String], concepts: [Int])] = [:]
        var totalWeight = 0.0
        var fulls: [[Int: Double]] = []
        var halves: [[Int: Double]] = []
        // misspelled words looked up so far: at most `typoMaximumWords`
        var attempts = 0
        // unknown words checked against general English so far: at most `typoCheckedWords`
        var checked = 0
        // a misspelled term → the term it was corrected to
        var correctedTerms: [String: String] = [:]
        for index in parsed.concepts.indices {
            var full: [Int: Double] = [:]
            var half: [Int: Double] = [:]
            for phrase in parsed.concepts[index].full { phraseScores(phrase, into: &full) }
            // An alternative is worth at most what the words typed are worth: a synonym holding a
            // rare word (unable of `unable to receive`) would otherwise outweigh the concept itself,
            // found in one field but in two places of it (`Unable to log on` and `can't receive`).
            let typed = parsed.concepts[index].full[0].reduce(0.0) { $0 + Double(idf(of: $1)) }
            for phrase in parsed.concepts[index].half {
                let worth = Self.distinct(phrase).reduce(0.0) { $0 + Double(idf(of: $1)) }
                phraseScores(phrase, into: &half, scale: worth > typed ? typed / worth : 1)
            }
            if let prefix = parsed.concepts[index].prefix {
                completionScores(prefix: prefix, parsed.concepts[index].completions, into: &half)
            }
            if correcting, full.isEmpty, half.isEmpty, attempts < ranking.typoMaximumWords,
                checked < ranking.typoCheckedWords, isCorrectable(parsed.concepts[index])
            {
                checked += 1
                // (a word that English commonly uses is no misspelling, and no look-up: `router` is
                // not route)
                let misspelled = !EnglishWords.contains(parsed.concepts[index].word ?? "")
                if misspelled { attempts += 1 }
                if misspelled, let correction = correct(parsed.concepts[index]) {
                    correctedTerms[parsed.concepts[index].full[0][0]] = correction.term
                    parsed.concepts[index].full = [[correction.term]]
                    parsed.concepts[index].corrected = correction.word
                    corrections.append(Correction(typed: parsed.concepts[index].text, corrected: correction.word))
                    phraseScores([correction.term], into: &full)
                }
            }
            fulls.append(full)
            halves.append(half)
        }
        var covered = Set<Unicode.Scalar>()
        for index in parsed.concepts.indices where !fulls[index].isEmpty || !halves[index].isEmpty {
            for phrase in parsed.concepts[index].full {
                for term in phrase { covered.formUnion(term.unicodeScalars.filter(SearchTokenizer.isCJK)) }
            }
        }
        // A Chinese pair that no article holds, with a character that no matched word of the
        // query holds, may be a word typed by sound with one wrong character (按装, 乱吗): it is
        // searched as the word of the articles that most of them hold with that character changed
        // for one of the same sound (安装, 乱码), as a misspelled word is. A pair across two words is no typo: a character that a matched word
        // holds is never the one changed (标邮 of 投标邮件), and a pair whose second character
        // would change is passed over when the next pair starts with that character and can be
        // corrected by changing it to a word as many articles hold: that one is the word (动结 →
        // 冻结, not 时动 → 时冻, in 暂时动结; but 附建 → 附件, not 建不 → 件不, in 附建不见了).
        func soundsLikePair(_ index: Int) -> (typed: [Unicode.Scalar], keys: [String])? {
            guard parsed.concepts.indices.contains(index), fulls[index].isEmpty, halves[index].isEmpty,
                let pair = Self.cjkCharacters(parsed.concepts[index]), pair.count == 2,
                case let typed = pair.map({ $0.unicodeScalars.first! }),
                typed.contains(where: { !covered.contains($0) }),
                // (a stop word is what a customer writes around the question: 他们 is no typo of 它们)
                !stopTerms.contains(pair.joined()),
                case let keys = ChineseHomophones.soundKeys(ofPair: pair.joined()), !keys.isEmpty
            else { return nil }
            return (typed, keys)
        }
        /// The pair the changed character of the pair at `index` makes with the character on its
        /// other side, as the query's pair before or after it says: 十二 for 十 of 于十 in 关于十二月.
        func outerPair(_ index: Int, changed: Int, typed: [Unicode.Scalar]) -> String? {
            let neighbour = changed == 0 ? index - 1 : index + 1
            guard parsed.concepts.indices.contains(neighbour),
                let pair = Self.cjkCharacters(parsed.concepts[neighbour]), pair.count == 2,
                pair[changed == 0 ? 1 : 0].unicodeScalars.first == typed[changed]
            else { return nil }
            return pair.joined()
        }
        for index in parsed.concepts.indices where correcting && ranking.homophones {
            guard attempts < ranking.typoMaximumWords, let found = soundsLikePair(index) else { continue }
            attempts += 1
            guard let (correction, changed) = homophone(of: found.typed, keys: found.keys, covered: covered)
            else { continue }
            // A pair that Chinese commonly writes is no typo, unless the word found is a term of the
            // trade that Chinese writes far less (外遇 → 外域, not 老伴 → 老板); nor is a pair whose
            // changed character makes a common word with the one on its other side (于十 → 于是 in
            // 关于十二月: 十 is of 十二).
            let typedCount = ChineseWords.count(of: String(String.UnicodeScalarView(found.typed)))
            if typedCount > 0, ChineseWords.count(of: correction.term) * ranking.commonPairMargin > typedCount {
                continue
            }
            if let outer = outerPair(index, changed: changed, typed: found.typed), ChineseWords.count(of: outer) > 0 {
                continue
            }
            if changed == 1, let next = soundsLikePair(index + 1), next.typed[0] == found.typed[1],
                let ahead = homophone(of: next.typed, keys: next.keys, covered: covered), ahead.changed == 0,
                ahead.0.frequency >= correction.frequency
            {
                continue
            }
            parsed.concepts[index].full = [[correction.term]]
            parsed.concepts[index].corrected = correction.term
            parsed.concepts[index].soundsLike = true
            corrections.append(Correction(typed: parsed.concepts[index].text, corrected: correction.term))
            phraseScores([correction.term], into: &fulls[index])
            // (the typed characters too: 建不 of 附建不见了 is a pair across the corrected word)
            covered.formUnion(correction.term.unicodeScalars)
            covered.formUnion(found.typed)
        }
        // A Chinese character that no matched word of the query holds is searched in the index's
        // words that hold it, at half score: 迟 of 迟到 finds 延迟, and a query never comes back empty.
        // (the first `typoMaximumWords` words with a character to search: a pasted paragraph does
        // not load the whole index, and the pairs a sentence has across its words, whose
        // characters are held already, use up none of them)
        var searched = 0
        for index in parsed.concepts.indices where fulls[index].isEmpty && halves[index].isEmpty {
            guard let characters = Self.cjkCharacters(parsed.concepts[index]) else { continue }
            let open = characters.filter { covered.insert($0.unicodeScalars.first!).inserted }
            if open.isEmpty { continue }
            if searched == ranking.typoMaximumWords { break }
            searched += 1
            parsed.concepts[index].searched = open.map { $0.unicodeScalars.first! }
            for character in open { characterScores(terms(holding: character), into: &halves[index]) }
        }
        for (index, concept) in parsed.concepts.enumerated() {
            let (full, half) = (fulls[index], halves[index])
            let said = concept.negated ? ranking.negatedFactor : 1
            let weight = concept.full[0].reduce(0.0) { $0 + Double(idf(of: $1)) } * said
            totalWeight += weight
            let factor = (concept.corrected == nil ? 1 : ranking.typoFactor) * said
            for document in Set(full.keys).union(half.keys) {
                var entry = entries[document] ?? (0, 0, [], [])
                entry.matched += weight
                entry.terms += max(full[document] ?? 0, (half[document] ?? 0) / 2) * factor
                entry.concepts.append(index)
                entries[document] = entry
            }
        }

        let queryTokens = Set(parsed.tokens)
        var scores: [Int: Double] = [:]
        for (document, entry) in entries { scores[document] = entry.terms / 1000 }
        /// The message boost at which the query quotes a claim.
        let quoteBoost = ranking.messageBoost * ranking.quoteMinimum
        /// The message boost of `key` in `document`, or nil when it is no code hit there.
        func codeHit(_ key: String, in document: Int) -> Double? {
            if repeatsMessage(key, in: document, of: parsed.codeKeys) { return nil }
            var best = 0.0
            var quoted = true
            for code in articles[document].codes where code.key == key {
                quoted = quoted && code.quoted == true
                guard let message = code.message, !message.isEmpty else { continue }
                var messageTokens: [String] = []
                for token in SearchTokenizer.tokenize(message) where !messageTokens.contains(token) {
                    messageTokens.append(token)
                }
                guard !messageTokens.isEmpty else { continue }
                let hits = messageTokens.filter(queryTokens.contains).count
                best = max(best, ranking.messageBoost * Double(hits) / Double(messageTokens.count))
            }
            return quoted && best < quoteBoost ? nil : best
        }
        let replyCodeHolders = Self.replyCodeHolders(
            parsed, fulls: fulls,
            unexplained: parsed.codeKeys.filter { key in
                SearchTokenizer.isEnhancedStatusCode(key)
                    && !(codeDocuments[key] ?? []).contains { codeHit(key, in: $0) != nil }
            })
        for key in parsed.codeKeys {
            let replyCode = SearchTokenizer.isReplyCode(key)
            for document in codeDocuments[key] ?? [] {
                guard let best = codeHit(key, in: document) else { continue }
                if replyCode, let replyCodeHolders, !replyCodeHolders.contains(document), best < quoteBoost { continue }
                var entry = entries[document] ?? (0, 0, [], [])
                entry.codeKeys.append(key)
                scores[document] = (scores[document] ?? 0) + ranking.codeHit + best
                entries[document] = entry
            }
        }

        func fraction(_ entry: (terms: Double, matched: Double, codeKeys: [String], concepts: [Int])) -> Double {
            totalWeight == 0 || !entry.codeKeys.isEmpty ? 1 : entry.matched / totalWeight
        }
        var results: [Result] = []
        var documents: [Int] = []
        for (document, entry) in entries {
            let article = articles[document]
            var matched: [SearchIndex.Code] = []
            for key in entry.codeKeys {
                // (a quote of a code the article claims is no code of its own to show)
                let claimed = article.codes.contains { $0.key == key && $0.quoted != true }
                for code in article.codes
                where code.key == key && !(claimed && code.quoted == true)
                    && !matched.contains(where: { $0.code == code.code && $0.key == code.key && $0.url == code.url })
                {
                    matched.append(code)
                }
            }
            let missing =
                entry.codeKeys.isEmpty
                ? Self.missingWords(parsed.concepts, matched: entry.concepts, query: parsed.normalized) : []
            let url = matched.first.map(\.url).flatMap { $0.isEmpty ? nil : $0 } ?? article.url
            results.append(
                Result(
                    slug: article.slug, title: article.title, url: url, score: scores[document] ?? 0,
                    fraction: fraction(entry), matchedCodes: matched.map(\.code), missing: missing
                )
            )
            documents.append(document)
        }
        // Words near each other: the whole query in the title, a symptom or the body, the
        // longest stretch of it that an article quotes, and the pairs of its words it holds.
        if parsed.tokens.count >= 2 {
            let phrase = parsed.normalized
            let pieces = QuotedPassage.pieces(of: phrase)
            // (what the customer says did not happen pairs with nothing: `a bounce` of "no bounce")
            var segments: [[String]] = []
            var start = 0
            for scope in parsed.negated + [phrase.count..<phrase.count] {
                segments.append(
                    Self.terms(of: Array(phrase[start..<scope.lowerBound])).map { correctedTerms[$0] ?? $0 })
                start = scope.upperBound
            }
            let pairs = AdjacentWords.pairs(of: segments, pairless: pairlessTerms) {
                ranking.isStop($0, stopTerms: stopTerms)
            }
            let first = results.indices.sorted { Self.ranksBefore(results[$0], results[$1]) }
            for position in first.prefix(ranking.phraseCandidates) {
                let text = texts[documents[position]]
                var bonus = 0.0
                if !Self.occurrences(of: phrase, in: text.title, first: true).isEmpty { bonus += ranking.phraseTitle }
                if text.symptoms.contains(where: { !Self.occurrences(of: phrase, in: $0, first: true).isEmpty }) {
                    bonus += ranking.phraseSymptom
                }
                if !Self.occurrences(of: phrase, in: text.body, first: true).isEmpty { bonus += ranking.phraseBody }
                bonus += QuotedPassage.bonus(pieces, in: [text.title] + text.symptoms + [text.body], ranking: ranking)
                if !pairs.isEmpty {
                    bonus += AdjacentWords.bonus(
                        pairs, title: AdjacentWords.held(in: [Self.terms(of: text.title)]),
                        symptoms: AdjacentWords.held(in: text.symptoms.map(Self.terms)), ranking: ranking
                    )
                }
                results[position].score += bonus
            }
        }
        results.sort(by: Self.ranksBefore)
        // The long tail of articles that hold a word or two of the query is noise.
        let floor = (results.first?.score ?? 0) * ranking.minimumShare
        results = results.filter { $0.score >= floor }
        // Never an empty page: when no article holds every word, the best partial matches show,
        // each with the words it lacks.
        let partial = !results.isEmpty && !results.contains { $0.missing.isEmpty }
        if let limit { results = Array(results.prefix(limit)) }
        return Answer(results: results, corrections: corrections, partial: partial)
    }

    /// An enhanced status code of the query that no article claims (`unexplained`: 5.7.26, a
    /// DMARC refusal) says the bounce is one this help center does not explain, so its reply code
    /// (550) is a code hit only in the articles whose words hold one of those codes, or whose claim
    /// of it the query quotes (its message boost reaches the quote minimum): the articles that
    /// claim 550 for an unknown user are no answer to a DMARC refusal. Nil when every reply code
    /// counts as usual.
    private static func replyCodeHolders(
        _ parsed: ParsedQuery, fulls: [[Int: Double]], unexplained: [String]
    )
        -> Set<Int>?
    {
        guard !unexplained.isEmpty else { return nil }
        var holders = Set<Int>()
        for (index, concept) in parsed.concepts.enumerated()
        where concept.full.contains(where: { phrase in phrase.contains(where: unexplained.contains) }) {
            holders.formUnion(fulls[index].keys)
        }
        return holders
    }

    /// Whether the code key `key` is a message (`Relay access denied`) that `document` gives for
    /// another code of the query it claims (`554`): a bounce line's code and its message are one
    /// piece of evidence, which that code's hit and message boost count, not a second code hit.
    /// (An article claims the message as a code of its own too, so that the message alone finds it.)
    private func repeatsMessage(_ key: String, in document: Int, of queryKeys: [String]) -> Bool {
        guard let tokens = SearchTokenizer.messageTokens(ofCodeKey: key) else { return false }
        let codes = articles[document].codes
        return codes.contains { code in
            code.key != key && queryKeys.contains(code.key)
                && codes.contains { $0.key == code.key && $0.quoted != true }
                && SearchTokenizer.tokenize(code.message ?? "") == tokens
        }
    }

    /// Up to `prefixMaximumWords` index terms that start with `prefix`, in order, not itself.
    private func terms(startingWith prefix: String) -> [String] {
        var found: [String] = []
        var position = SearchTokenizer.utf16LowerBound(vocabulary, prefix)
        while position < vocabulary.count, found.count < ranking.prefixMaximumWords {
            let word = vocabulary[position]
            position += 1
            guard word.utf16.starts(with: prefix.utf16) else { break }
            if word != prefix { found.append(word) }
        }
        return found
    }

    /// Up to `prefixMaximumWords` index terms that start with `character`, then as many that end
    /// with it (the dictionary holds each bigram under its characters swapped), in order.
    private func terms(holding character: String) -> [String] {
        var found = terms(startingWith: character)
        var ending = 0
        var position = SearchTokenizer.utf16LowerBound(dictionaryWords, character)
        while position < dictionary.count, ending < ranking.prefixMaximumWords {
            let entry = dictionary[position]
            position += 1
            guard entry.word.utf16.starts(with: character.utf16) else { break }
            ending += 1
            if !found.contains(entry.term) { found.append(entry.term) }
        }
        return found
    }

    /// What a result lacks, as typed: each concept it does not match, except that the Chinese
    /// pairs it lacks in a row (么识 识别 of 怎么识别) show as their run of characters, less a
    /// character at either end that the word next to the run in the query holds and the result
    /// matches (识别, when it matched 怎么); a pair across two matched words (件全 of 邮件全都) is
    /// then not shown at all. A word matched only by characters searched alone holds only those.
    private static func missingWords(_ concepts: [Concept], matched: [Int], query: [Unicode.Scalar]) -> [String] {
        var missing: [String] = []
        func add(_ word: [Unicode.Scalar]) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: word)
            let text = String(view)
            if !text.isEmpty, !missing.contains(text) { missing.append(text) }
        }
        func contiguous(_ scalars: [Unicode.Scalar]) -> Bool {
            !occurrences(of: scalars, in: query, first: true).isEmpty
        }
        /// The characters of concept `index` that the result holds there, when it matches it.
        func held(_ index: Int) -> [Unicode.Scalar]? {
            guard concepts.indices.contains(index) else { return nil }
            let concept = concepts[index]
            // a pair corrected by sound stands for its typed characters, matched or not: the pairs
            // across it (建不 of 附建不见了) are no words of their own
            if concept.soundsLike { return Array(concept.text.unicodeScalars) }
            guard matched.contains(index) else { return nil }
            return concept.searched.isEmpty ? Array(concept.text.unicodeScalars) : concept.searched
        }
        var index = 0
        while index < concepts.count {
            guard !matched.contains(index) else {
                index += 1
                continue
            }
            guard let first = typedCharacters(concepts[index]) else {
                add(Array(concepts[index].text.unicodeScalars))
                index += 1
                continue
            }
            // the run: the next concepts that are pairs the result lacks, one character on
            var run = first
            var end = index + 1
            while end < concepts.count, !matched.contains(end),
                let next = typedCharacters(concepts[end]), next.count == 2,
                next[0] == run.last, contiguous(run + [next[1]])
            {
                run.append(next[1])
                end += 1
            }
            if let before = held(index - 1), let last = Array(concepts[index - 1].text.unicodeScalars).last,
                last == run.first, before.contains(last),
                contiguous(Array(concepts[index - 1].text.unicodeScalars) + run.dropFirst())
            {
                run.removeFirst()
            }
            if !run.isEmpty, let after = held(end), let head = concepts[end].text.unicodeScalars.first,
                head == run.last, after.contains(head),
                contiguous(run.dropLast() + Array(concepts[end].text.unicodeScalars))
            {
                run.removeLast()
            }
            add(run)
            index = end
        }
        // a size the result lacks whole (25mb) shows once, not as its number and then itself
        return missing.enumerated().filter { position, word in
            guard position + 1 < missing.count, case let next = missing[position + 1], next.hasPrefix(word) else {
                return true
            }
            return SearchTerms.sizeUnits[String(next.dropFirst(word.count))] == nil
        }.map(\.element)
    }

    /// The characters of a concept that is one CJK term as typed: a pair corrected by sound
    /// shows what the customer typed, as a corrected English word does.
    private static func typedCharacters(_ concept: Concept) -> [Unicode.Scalar]? {
        if concept.soundsLike { return Array(concept.text.unicodeScalars) }
        return cjkCharacters(concept)?.map { $0.unicodeScalars.first! }
    }

    /// The characters of a concept that is one CJK term (a bigram or a lone character).
    private static func cjkCharacters(_ concept: Concept) -> [String]? {
        guard concept.full.count == 1, concept.full[0].count == 1 else { return nil }
        let scalars = Array(concept.full[0][0].unicodeScalars)
        guard (1...2).contains(scalars.count), scalars.allSatisfy(SearchTokenizer.isCJK) else { return nil }
        return scalars.map { String($0) }
    }

    /// The stored inverse document frequency of `term`, or that of a term no article holds.
    private func idf(of term: String) -> Int {
        if let known = postings[term] { return known.idf }
        guard ranking.isStop(term, stopTerms: stopTerms) else { return absentIDF }
        return max(1, Int((Double(absentIDF) * ranking.stopFactor).rounded()))
    }

    /// Per document, a character searched alone: the best impact among the index terms that hold
    /// it, times the inverse document frequency of the character (of the articles that hold any
    /// of those terms), so that a character most articles use (全, in 安全 and 全部) weighs little
    /// even where the one word that holds it is rare.
    private func characterScores(_ terms: [String], into result: inout [Int: Double]) {
        var best: [Int: Int] = [:]
        for term in terms {
            for posting in postings[term]?.postings ?? [] {
                best[posting.document] = max(best[posting.document] ?? 0, posting.impact)
            }
        }
        let idf = SearchScoring.idf(best.count, documents: articles.count, stop: false, ranking: ranking)
        for (document, impact) in best { result[document] = max(result[document] ?? 0, Double(idf * impact)) }
    }

    /// Per document, the best score of the words that complete `prefix`, each in proportion to
    /// how much of it was typed (as Pagefind does; then halved, as every half alternative):
    /// `mail` finds `mailbox` at 4/7 of its score and the rare host name `mail.example.com` at a
    /// quarter, so a word not yet finished does not outweigh the finished words of the query.
    private func completionScores(prefix: String, _ words: [String], into result: inout [Int: Double]) {
        let typed = Double(prefix.utf16.count)
        for word in words {
            guard let list = postings[word] else { continue }
            let share = typed / Double(word.utf16.count)
            for posting in list.postings {
                let value = Double(list.idf * posting.impact) * share
                result[posting.document] = max(result[posting.document] ?? 0, value)
            }
        }
    }

    /// Per document, the best score of `tokens` where one field holds them all: the sum of each
    /// token's inverse document frequency times its impact, times `scale`.
    private func phraseScores(_ tokens: [String], into result: inout [Int: Double], scale: Double = 1) {
        var accumulated: [Int: (mask: UInt8, sum: Double)]?
        for token in Self.distinct(tokens) {
            guard let list = postings[token] else { return }
            var next: [Int: (mask: UInt8, sum: Double)] = [:]
            for posting in list.postings {
                let value = Double(list.idf * posting.impact)
                if let previous = accumulated {
                    if let earlier = previous[posting.document], earlier.mask & posting.mask != 0 {
                        next[posting.document] = (earlier.mask & posting.mask, earlier.sum + value)
                    }
                } else {
                    next[posting.document] = (posting.mask, value)
                }
            }
            accumulated = next
            if next.isEmpty { return }
        }
        for (document, found) in accumulated ?? [:] {
            result[document] = max(result[document] ?? 0, found.sum * scale)
        }
    }

    /// The terms of normalized text, in order.
    private static func terms(of text: [Unicode.Scalar]) -> [String] {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text)
        return SearchTokenizer.tokenizeNormalized(String(view))
    }

    /// `tokens` without repeats, in order.
    private static func distinct(_ tokens: [String]) -> [String] {
        var unique: [String] = []
        for token in tokens where !unique.contains(token) { unique.append(token) }
        return unique
    }

    /// The dictionary word a misspelled plain word stands for: within one edit (two for long
    /// words) of the word, or its stem within as many of the word's stem, sharing its first two
    /// letters (or the two swapped, or its first and third); the nearest, then the one spelled
    /// nearest to what was typed, then one that differs by a doubled letter, then the one in most
    /// articles, then the first in order. "Long" holds for the shorter of
    /// the two compared: `date` is no misspelling of the 3-letter `dat` (of winmail.dat), and the
    /// 6-letter stem `author` of `authorized` is not two edits from `auto`.
    private func correct(_ concept: Concept) -> DictionaryWord? {
        guard let typed = concept.word else { return nil }
        let letters = Array(typed.utf8)
        // the word's stem against the articles' stems too: `arrving` is one edit from the stem of
        // arrive, arrives and arrived, and two from each of them
        let stem = Array(concept.full[0][0].utf8)
        var best: (word: DictionaryWord, distance: Int, spelled: Int, doubled: Bool)?
        for prefix in Self.typoPrefixes(letters) {
            var position = SearchTokenizer.utf16LowerBound(dictionaryWords, prefix)
            while position < dictionary.count, dictionary[position].word.hasPrefix(prefix) {
                let candidate = dictionary[position]
                position += 1
                let wordLimit = editLimit(typed, candidate.word)
                let stemLimit = editLimit(concept.full[0][0], candidate.term)
                let spelling = Array(candidate.word.utf8)
                let byWord = EditDistance.within(letters, spelling, limit: wordLimit)
                let byStem = EditDistance.within(stem, Array(candidate.term.utf8), limit: stemLimit)
                guard let distance = [byWord, byStem].compactMap({ $0 }).min(), distance > 0 else { continue }
                // of the forms of one stem, the one nearest to what was typed (blocked, not block);
                // a word beyond its limit counts 3, more than any limit
                let spelled = byWord ?? 3
                let doubled = Self.differByADoubledLetter(letters, spelling)
                if let current = best {
                    if distance != current.distance {
                        if distance > current.distance { continue }
                    } else if spelled != current.spelled {
                        if spelled > current.spelled { continue }
                    } else if doubled != current.doubled {
                        if !doubled { continue }
                    } else if candidate.frequency != current.word.frequency {
                        if candidate.frequency < current.word.frequency { continue }
                    } else if !SearchTokenizer.utf16Less(candidate.word, current.word.word) {
                        continue
                    }
                }
                best = (candidate, distance, spelled, doubled)
            }
        }
        return best?.word
    }

    /// How many edits may separate two words: none below `typoOneEdit` UTF-16 units (-1: not
    /// even equal), one from there, two from `typoTwoEdits`, counted on the shorter word.
    private func editLimit(_ a: String, _ b: String) -> Int {
        let shorter = min(a.utf16.count, b.utf16.count)
        return shorter >= ranking.typoTwoEdits ? 2 : shorter >= ranking.typoOneEdit ? 1 : -1
    }

    /// The word of the articles that sounds like `typed` (`keys`, its sound keys) and differs from
    /// it in one character, which no matched word of the query holds (`covered`): the one in most
    /// articles, then the first found, key by key; and the position of the character changed.
    private func homophone(
        of typed: [Unicode.Scalar], keys: [String], covered: Set<Unicode.Scalar>
    ) -> (DictionaryWord, changed: Int)? {
        var best: (DictionaryWord, changed: Int)?
        for key in keys {
            var position = SearchTokenizer.utf16LowerBound(dictionaryWords, key)
            while position < dictionary.count, dictionary[position].word.hasPrefix(key) {
                let candidate = dictionary[position]
                position += 1
                let pair = Array(candidate.term.unicodeScalars)
                guard pair.count == 2, case let changed = (0..<2).filter({ pair[$0] != typed[$0] }),
                    changed.count == 1, !covered.contains(typed[changed[0]])
                else { continue }
                if let current = best, candidate.frequency <= current.0.frequency { continue }
                best = (candidate, changed[0])
            }
        }
        return best
    }

    /// Whether a concept may be corrected: a plain word, long enough, with no code key.
    private func isCorrectable(_ concept: Concept) -> Bool {
        guard let typed = concept.word else { return false }
        return concept.full.count == 1 && typed.utf16.count >= ranking.typoOneEdit
    }

    /// The first two letters of a typed word, the two swapped, and the first and the third (a swap
    /// of the second and third: `fliter` → filter): where its dictionary words are looked for.
    static func typoPrefixes(_ letters: [UInt8]) -> [String] {
        var prefixes = [String(decoding: letters.prefix(2), as: UTF8.self)]
        func add(_ pair: [UInt8]) {
            let prefix = String(decoding: pair, as: UTF8.self)
            if !prefixes.contains(prefix) { prefixes.append(prefix) }
        }
        if letters.count >= 2 { add([letters[1], letters[0]]) }
        if letters.count >= 3 { add([letters[0], letters[2]]) }
        return prefixes
    }

    /// Whether one word is the other with one letter doubled (`realy` and really, `comming` and
    /// coming): the commonest slip of English spelling, so of two corrections as near, that one.
    static func differByADoubledLetter(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var index = 0
        while index < short.count, short[index] == long[index] { index += 1 }
        // long[index] is the extra letter: it doubles its neighbour, and the rest is the same
        let doubles =
            (index > 0 && long[index - 1] == long[index]) || (index + 1 < long.count && long[index + 1] == long[index])
        return doubles && short[index...].elementsEqual(long[(index + 1)...])
    }

    // MARK: - Helpers

    /// By score, then title and slug.
    private static func ranksBefore(_ a: Result, _ b: Result) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.title != b.title { return SearchTokenizer.utf16Less(a.title, b.title) }
        return SearchTokenizer.utf16Less(a.slug, b.slug)
    }

    private static func utf16Length(_ text: String) -> Int { text.utf16.count }

    private static func containsRun(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle
        {
            return true
        }
        return false
    }

    /// Where a synonym of several words occurs with one more word between two of its words
    /// (`nothing ever shows up` for `nothing shows up`, `delivery has failed` for `delivery
    /// failed`), as a customer writes it: the occurrence, from the synonym's first word to its
    /// last, and the word in between, a run of word characters (and apostrophes) between spaces.
    static func gapped(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [GappedOccurrence] {
        var found: [GappedOccurrence] = []
        for (cut, scalar) in needle.enumerated() where scalar == " " {
            let left = needle[...cut]
            let right = needle[cut...]
            for start in occurrences(of: Array(left), in: haystack) {
                var end = start + left.count
                let gapStart = end
                while end < haystack.count, isWordAt(haystack, end) || haystack[end] == "'" { end += 1 }
                let stop = end + right.count
                guard isWordAt(haystack, gapStart), stop <= haystack.count,
                    haystack[end..<stop].elementsEqual(right), boundaryOK(haystack, start, stop)
                else { continue }
                found.append((start, stop, gapStart..<end))
            }
        }
        return found
    }

    typealias GappedOccurrence = (start: Int, end: Int, gap: Range<Int>)

    /// Start offsets of `needle` in `haystack` (overlapping), or only the first when `first`.
    static func occurrences(
        of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], first: Bool = false
    ) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in needle.indices where haystack[start + offset] != needle[offset] { continue outer }
            found.append(start)
            if first { break }
        }
        return found
    }

    /// Whether `scalars[index]` exists and is a word character.
    static func isWordAt(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= 0 && index < scalars.count && SearchTokenizer.isWordScalar(scalars[index])
    }

    /// True when `[start, end)` does not cut through a word at either end; an apostrophe between
    /// word characters is inside a word (`can` is no word of can't).
    private static func boundaryOK(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        if isWordAt(scalars, start) && (isWordAt(scalars, start - 1) || isApostropheInWord(scalars, start - 1)) {
            return false
        }
        if isWordAt(scalars, end - 1) && (isWordAt(scalars, end) || isApostropheInWord(scalars, end)) { return false }
        return true
    }

    private static func isApostropheInWord(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= 0 && index < scalars.count && SearchTokenizer.isApostrophe(scalars[index])
            && isWordAt(scalars, index - 1) && isWordAt(scalars, index + 1)
    }
}
