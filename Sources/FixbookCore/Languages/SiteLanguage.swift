/// One language of a help center in several (`languages:` in `fixbook.yml`): its content lives in
/// `Content/<tag>/`, its pages in `Output/<tag in lower case>/`.
public struct SiteLanguage: Sendable, Equatable {
    /// The BCP 47 tag as written (`zh-CN`): the content folder, the `lang` and `hreflang` value.
    public var tag: String
    /// What the language switcher calls it, in the language itself (`简体中文`, `English`).
    public var name: String
    /// The help center's title and description in this language; nil keeps the site's.
    public var title: String?
    public var description: String?

    public init(tag: String, name: String? = nil, title: String? = nil, description: String? = nil) {
        self.tag = tag
        self.name = name ?? Self.knownNames[tag.lowercased()] ?? Self.knownNames[Self.primary(tag)] ?? tag
        self.title = title
        self.description = description
    }

    /// The output folder and URL segment: the tag in lower case (`zh-cn`), as Hugo writes it.
    public var folder: String { tag.lowercased() }

    /// True for a well-formed tag (`en`, `zh-CN`, `zh-Hant-TW`): letters, then `-`-separated
    /// letters and digits. A tag names a folder and goes into HTML, so nothing else is accepted.
    public static func isValidTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy(\.isASCIILetterOnly) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCIILetterOnly || ("0"..."9").contains($0) }
        }
    }

    private static func primary(_ tag: String) -> String {
        String(tag.lowercased().split(separator: "-").first ?? "")
    }

    /// Names in their own language for the tags a switcher most often lists.
    private static let knownNames: [String: String] = [
        "zh-cn": "简体中文", "zh-hans": "简体中文", "zh-sg": "简体中文", "zh-tw": "繁體中文", "zh-hk": "繁體中文",
        "zh-hant": "繁體中文", "zh": "中文", "en": "English", "ja": "日本語", "ko": "한국어", "de": "Deutsch",
        "fr": "Français", "es": "Español", "pt": "Português", "it": "Italiano", "ru": "Русский", "nl": "Nederlands",
        "pl": "Polski", "tr": "Türkçe", "vi": "Tiếng Việt", "th": "ไทย", "id": "Bahasa Indonesia", "ar": "العربية",
    ]
}

extension Character {
    fileprivate var isASCIILetterOnly: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
