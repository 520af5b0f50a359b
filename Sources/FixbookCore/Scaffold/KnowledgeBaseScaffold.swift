/// The files `fixbook init` writes: a configuration, a category, a code catalog and one article
/// with a code and its solution, so a new knowledge base builds and checks clean at once. With
/// several languages, each gets its folder (`Content/en/`) with the same files in its words, so
/// the example article is translated from the start.
public enum KnowledgeBaseScaffold {
    public static func files(language: String) -> [String: String] {
        files(languages: [language])
    }

    /// The scaffold in `languages`, the first the default; one language keeps the plain layout.
    public static func files(languages: [String]) -> [String: String] {
        let first = languages.first ?? "en"
        let chinese = UIStrings.isChinese(first)
        let languageLine =
            languages.count > 1 ? "languages: [\(languages.joined(separator: ", "))]" : "language: \(first)"
        var files = [
            "fixbook.yml": """
            # Fixbook site configuration; every key is optional (see the README).
            title: \(chinese ? "帮助中心" : "Help Center")
            \(languageLine)
            support: support@example.com

            """
        ]
        for language in languages {
            let folder = languages.count > 1 ? "Content/\(language)/" : "Content/"
            for (path, text) in content(chinese: UIStrings.isChinese(language)) { files[folder + path] = text }
        }
        return files
    }

    /// One language's content files, relative to its content folder.
    private static func content(chinese: Bool) -> [String: String] {
        let article = ArticleScaffold.text(
            title: chinese ? "示例：发信时报错 550" : "Example: sending fails with 550",
            slug: "example-550", codes: [(ErrorCode(written: "550", key: "550", system: .smtp), "Invalid User")],
            category: "general", today: "2026-01-01", chinese: chinese,
            solution: chinese
                ? "1. 核对收件人地址的拼写，特别是 @ 后面的域名。\n2. 地址无误仍被退回时，把退信作为附件转发给客服。"
                : "1. Check the spelling of the recipient's address, especially the part after the @.\n"
                    + "2. If the address is right and the mail still bounces, forward the bounce to support as an attachment."
        )
        return [
            "categories.yml": """
            general:
              title: \(chinese ? "常见问题" : "General")
              description: \(chinese ? "最常遇到的问题" : "The questions asked most")

            """,
            "codes.yml": """
            # Every code the product can emit; fixbook check reports codes without an article.
            - code: 550
              message: Invalid User
              system: smtp

            """,
            "general/example-550.md": article,
        ]
    }

    /// The built-in theme's files, for `init --with-theme`.
    public static var theme: [String: String] { DefaultTheme.files }
}
