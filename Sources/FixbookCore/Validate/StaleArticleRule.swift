/// With `staleAfterDays` configured, warns about articles not updated for that long.
public struct StaleArticleRule: ValidationRule {
    public static let emits: [RuleID] = [.staleArticle]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        guard let limit = kb.config.staleAfterDays, let today = DayNumber.parse(context.today) else { return [] }
        var found: [Diagnostic] = []
        for article in kb.articles {
            guard let updated = article.metadata.updated, let day = DayNumber.parse(updated) else { continue }
            let age = today - day
            if age > limit {
                found.append(
                    diagnostic(
                        .staleArticle, .warning,
                        at: kb.location(article, line: article.metadata.keyLines["updated"] ?? 1),
                        "last updated \(updated), \(age) days ago (limit \(limit)); review it and bump 'updated'"
                    )
                )
            }
        }
        return found
    }
}

/// Days since 1970-01-01 for a `YYYY-MM-DD` date (proleptic Gregorian), without Foundation calendars.
enum DayNumber {
    static func parse(_ date: String) -> Int? {
        let parts = date.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var (year, month, day) = (parts[0], parts[1], parts[2])
        // Howard Hinnant's days_from_civil.
        year -= month <= 2 ? 1 : 0
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        month = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * month + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
