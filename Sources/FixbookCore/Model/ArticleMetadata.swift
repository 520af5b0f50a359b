/// One `codes:` entry of an article: the code and what the author said about it.
public struct ArticleCode: Sendable, Hashable {
    public var code: ErrorCode
    /// The message that tells this use of the code apart (`Invalid User` for SMTP 550).
    public var message: String?
    /// A heading anchor inside the solution section (`solution:` in the mapping form).
    public var solutionAnchor: String?
    /// The file line of the code in front matter.
    public var line: Int

    public init(code: ErrorCode, message: String? = nil, solutionAnchor: String? = nil, line: Int) {
        self.code = code
        self.message = message
        self.solutionAnchor = solutionAnchor
        self.line = line
    }
}

/// A string from front matter and the file line it is on.
public struct LocatedString: Sendable, Hashable {
    public var text: String
    public var line: Int

    public init(_ text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// The typed front matter of an article (SPEC §3), with the line of every key.
public struct ArticleMetadata: Sendable {
    public var title: String?
    public var slug: String?
    public var category: String?
    public var codes: [ArticleCode] = []
    public var symptoms: [String] = []
    public var tags: [String] = []
    public var summary: String?
    public var updated: String?
    public var aliases: [LocatedString] = []
    public var related: [LocatedString] = []
    public var order: Int?
    public var draft = false
    /// Listed under "common questions" on the home page and its category's page.
    public var featured = false
    /// Names the article's translations in the other language folders when their paths differ
    /// (Hugo's `translationKey`); without it, the file at the same relative path is the translation.
    public var translationKey: String?
    /// File line of each key that was present, for diagnostics about its value.
    public var keyLines: [String: Int] = [:]

    public init() {}

    /// The keys an article may have; others are reported as unknown.
    public static let knownKeys: Set<String> = [
        "title", "slug", "category", "codes", "symptoms", "tags", "summary",
        "updated", "aliases", "related", "order", "draft", "featured", "translationKey",
    ]
}
