/// Chinese quantity words of one: 一 and a measure word (一封, 一次, 一条). They say "a", not what,
/// yet a pair index sees them as words, and an article that says 同一封邮件 in its title would
/// outrank the one about the question's subject for every query with 一封 in it. A Chinese help
/// center's search weighs them as stop words (`SearchRanking.init(language:)`); two and more
/// (两封, 三次) stay words: a message that comes twice is the question.
enum ChineseQuantityWords {
    static let words = "封次条张份下点遍位台".map { "一" + String($0) }
}
