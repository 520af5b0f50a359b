/// The codes an article's symptoms quote. An editor keeps the bounce line a customer saw as a
/// symptom (`550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized`); its codes are claimed by other
/// articles (550 by the unknown-recipient bounce), so a customer who pasted that line would get
/// those first, matched by the code alone. In search, the quoting article answers the code too,
/// with the rest of the line as its message, and the message decides. A line that quotes a code
/// the article claims itself is one more message of that claim (the unknown-recipient article
/// claims `550 Invalid User` and keeps `550 Mailbox not found or access denied` as a symptom).
/// Only codes that some article claims count: a symptom's port (`Port: 110`) is no code.
enum QuotedCodes {
    struct Quote: Equatable {
        var key: String
        /// The symptom without its codes and addresses.
        var message: String
    }

    /// The quotes of the article at `index`, in symptom order, each key once per message.
    static func of(_ index: Int, in kb: KnowledgeBase) -> [Quote] {
        let article = kb.articles[index]
        var quotes: [Quote] = []
        for symptom in article.metadata.symptoms {
            let tokens = SearchTokenizer.tokenize(symptom)
            let keys = SearchTokenizer.codeKeys(ofTokens: tokens).filter { kb.byCodeKey[$0] != nil }
            if keys.isEmpty { continue }
            // Without its codes (they would match every query that names them, claimed or quoted)
            // and its addresses (the writer's example; the customer's own differs).
            let message = symptom.split(whereSeparator: \.isWhitespace).filter { piece in
                !piece.contains("@")
                    && !SearchTokenizer.tokenize(String(piece)).allSatisfy {
                        SearchTokenizer.codeKey(ofToken: $0) != nil
                    }
            }.joined(separator: " ")
            for key in keys where !quotes.contains(Quote(key: key, message: message)) {
                quotes.append(Quote(key: key, message: message))
            }
        }
        return quotes
    }
}
