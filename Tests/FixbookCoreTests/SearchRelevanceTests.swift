import FixbookTestSupport
import Foundation
import Testing

@testable import FixbookCore

/// What makes the search forgiving (issue: BM25 weights, word forms, typos, never empty), on a
/// small English help center whose long generic article holds every common word.
@Suite struct SearchRelevanceTests {
    static let generic = """
        Why does mail never arrive? There are many reasons why messages from our customers or to our
        customers do not arrive at all, and why it does take time. Check that you can send and receive,
        that our servers are reachable, that the customers have room, and that mail is not stuck at
        the gateway. Why our customers never see it is usually one of these reasons. Does it arrive
        later? Then wait. The mail host mail.contoso.net and the example pages at example.org and the
        com domain are listed in the setup guide, with every mail server and every example.

        ## Solution

        Work through the list above.
        """
    static let fixture: [String: String] = [
        "fixbook.yml": "title: Help\nlanguage: en\n",
        "Content/general.md": article("title: General troubleshooting for sending and receiving", body: generic),
        "Content/newsletter.md": article(
            "title: Newsletter blocked as bulk mail",
            body: "A newsletter sent to many recipients is held as bulk mail.\n\n## Solution\n\nSign it with DKIM.\n"
        ),
        "Content/print.md": article(
            "title: Print a message", body: "Open the message and choose Print.\n\n## Solution\n\nUse Print.\n"
        ),
        "Content/host.md": article(
            "title: Server settings", body: "Connect to mail.example.com on port 993.\n\n## Solution\n\nUse it.\n"
        ),
        "Content/outbox.md": article(
            "title: Outlook does not send messages",
            body: "Messages wait in the Outbox and Outlook does not send them.\n\n## Solution\n\nGo online.\n"
        ),
        "Content/calendar.md": article(
            "title: Calendar sharing", body: "Share your calendar with a colleague.\n\n## Solution\n\nShare it.\n"
        ),
    ]

    /// An English help center of `files` and `fillers` articles that say `filler`: a word they
    /// hold is a common one, as in a real help center.
    static func engine(
        _ files: [String: String], fillers: Int, _ filler: String, language: String = "en"
    ) throws
        -> SearchEngine
    {
        var files = files
        files["fixbook.yml"] = "title: Help\nlanguage: \(language)\n"
        for number in 1...fillers {
            files["Content/filler\(number).md"] = article(
                "title: Topic \(number)", body: "\(filler), number \(number).\n")
        }
        let site = try TemporarySite(files, withTemplates: false)
        defer { site.remove() }
        return SearchEngine(index: SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root))))
    }

    func engine() throws -> SearchEngine {
        let site = try TemporarySite(Self.fixture, withTemplates: false)
        defer { site.remove() }
        let loaded = try SiteLoader.load(root: site.root)
        return SearchEngine(index: SearchIndexBuilder.build(SiteModel(loaded)))
    }

    /// A pasted page is searched up to its first 2,000 characters: a word past them finds
    /// nothing, and a character outside the Basic Multilingual Plane counts once.
    @Test func aQueryIsSearchedUpToItsFirstTwoThousandCharacters() throws {
        let engine = try engine()
        let ranking = SearchRanking.standard
        let padding = String(repeating: "x ", count: (ranking.maximumQueryLength - 10) / 2)
        #expect(engine.search(padding + "newsletter").first?.slug == "newsletter")
        #expect(engine.search(padding + "0123456789 newsletter").isEmpty)
        let astral = String(repeating: "𠀀", count: ranking.maximumQueryLength - 1)
        #expect(ranking.searchedPart(astral + "ab") == astral + "a")
        #expect(ranking.searchedPart("newsletter") == "newsletter")
    }

    /// The rare word outweighs the common ones that the long generic article holds.
    @Test func informativeWordsOutweighCommonOnes() throws {
        let results = try engine().search("why does our newsletter never arrive at our customers")
        #expect(results.first?.slug == "newsletter", "\(results.map(\.slug))")
    }

    @Test func wordFormsAndContractionsMeet() throws {
        let engine = try engine()
        #expect(engine.search("printing").first?.slug == "print")
        #expect(engine.search("outlook doesn't send").first?.slug == "outbox")
        #expect(engine.search("outlook doesnt send").first?.slug == "outbox")
    }

    /// A host name is a word of its own, so the article naming it wins over one with its parts.
    @Test func hostNamesMatchWhole() throws {
        let results = try engine().search("mail.example.com")
        #expect(results.first?.slug == "host", "\(results.map(\.slug))")
    }

    @Test func misspelledWordsAreCorrectedAndSaidSo() throws {
        let answer = try engine().answer("newslettr blokced")
        #expect(answer.results.first?.slug == "newsletter")
        #expect(answer.corrections.map(\.typed) == ["newslettr", "blokced"])
        #expect(answer.corrections.map(\.corrected) == ["newsletter", "blocked"])
        let shared = try engine().answer("calender sharing")
        #expect(shared.results.first?.slug == "calendar")
        #expect(shared.corrections == [SearchEngine.Correction(typed: "calender", corrected: "calendar")])
        // as typed, the same words find nothing whole
        #expect(try engine().answer("newslettr blokced", correcting: false).corrections.isEmpty)
    }

    /// A misspelled form of a word whose other forms the articles hold is corrected through its
    /// stem: `blokcing` is more than two edits from blocked, but its stem one from block.
    @Test func aMisspelledWordFormIsCorrectedThroughItsStem() throws {
        let answer = try engine().answer("newsletter blokcing")
        #expect(answer.corrections == [SearchEngine.Correction(typed: "blokcing", corrected: "blocked")])
        #expect(answer.results.first?.slug == "newsletter")
    }

    /// The edit limits count the shorter of the two words (or stems): `date` is spelled right
    /// even where no article says it, not a misspelling of the `dat` of winmail.dat, and the stem
    /// `author` of `authorized` is too short to be two edits from `auto`.
    @Test func aWordIsNotCorrectedIntoAShorterFragment() throws {
        let engine = try Self.engine(
            [
                "Content/attachments.md": article(
                    "title: Attachments arrive as winmail.dat", body: "The attachment shows as winmail.dat.\n"),
                "Content/replies.md": article(
                    "title: Automatic replies", body: "Turn on auto replies while you are away.\n"),
                "Content/prnt.md": article("title: Printing a message", body: "Print it.\n"),
            ], fillers: 8, "About an attachment")
        #expect(engine.answer("date").corrections.isEmpty)
        #expect(engine.answer("authorized").corrections.isEmpty)
        #expect(engine.answer("attachmnet").corrections.map(\.corrected) == ["attachment"])
    }

    /// A word that English commonly uses is spelled right even where no article says it: `router`
    /// is no misspelling of route, `wife` none of widely, and the page must not say "Showing
    /// results for route"; a misspelling that English hardly uses (`ruote`, `widly`) still is.
    @Test func aWordThatEnglishCommonlyUsesIsNotCorrected() throws {
        let engine = try Self.engine(
            [
                "Content/route.md": article("title: How mail is routed", body: "Each message takes a route.\n"),
                "Content/widely.md": article("title: Widely used settings", body: "Used widely.\n"),
            ], fillers: 8, "About a message")
        #expect(engine.answer("router").corrections.isEmpty)
        #expect(engine.answer("my wife").corrections.isEmpty)
        #expect(engine.answer("ruote").corrections.map(\.corrected) == ["route"])
        #expect(engine.answer("widly").corrections.map(\.corrected) == ["widely"])
        #expect(EnglishWords.contains("router") && !EnglishWords.contains("recieve"))
        // the browser's runs hold the same words
        #expect(EnglishWords.runs.firstKeys.first == EnglishWords.sorted.first)
    }

    /// A word that English commonly uses is no look-up either: it uses up none of the five
    /// corrections, so in `thundebird shows a blank icon calld winmial.dat insted of my bosses
    /// atachment` the last misspelling is still corrected. At most ten unknown words are checked.
    @Test func aWordThatEnglishCommonlyUsesUsesUpNoCorrection() throws {
        let engine = try Self.engine(
            [
                "Content/route.md": article("title: How mail is routed", body: "Each message takes a route.\n"),
                "Content/widely.md": article("title: Widely used settings", body: "Used widely.\n"),
            ], fillers: 8, "About a message")
        let common = [
            "router", "wife", "pencil", "guitar", "bicycle", "kitchen", "garden", "holiday", "teacher", "butter",
        ]
        #expect(common.allSatisfy(EnglishWords.contains))
        #expect(engine.answer("router wife pencil guitar bicycle ruote").corrections.map(\.corrected) == ["route"])
        #expect(engine.answer((common + ["ruote"]).joined(separator: " ")).corrections.isEmpty)
        #expect(engine.answer((common.dropLast() + ["ruote"]).joined(separator: " ")).corrections.count == 1)
    }

    /// A size typed against its number (25MB, 30M) is its number and its unit: it finds the
    /// article that gives a size as "50 MB", instead of an empty page.
    @Test func aSizeTypedAsOneWordMeetsTheArticlesSize() throws {
        let engine = try Self.engine(
            [
                "Content/large.md": article(
                    "title: Message too large", body: "Most servers accept at most 50 MB per message.\n"),
                "Content/full.md": article("title: Mailbox full", body: "Delete old messages.\n"),
            ], fillers: 8, "About a message")
        #expect(engine.search("25MB").first?.slug == "large")
        // what the article lacks is the number, not the unit it gives too
        #expect(engine.search("25MB").first?.missing == ["25"])
        // and an article without any size lacks the size once, as typed
        #expect(engine.search("25MB mailbox").first { $0.slug == "full" }?.missing == ["25mb"])
        #expect(engine.search("sending a 30M message").first?.slug == "large")
    }

    /// A swap of the second and third letters is looked for too (fliter → filter), and of two
    /// corrections one edit away, the one that doubles or undoubles a letter (realy → really, not
    /// relay), the commonest English slip.
    @Test func aSwapAfterTheFirstLetterAndADoubledLetterAreCorrected() throws {
        let engine = try Self.engine(
            [
                "Content/filter.md": article("title: The spam filter", body: "The filter keeps junk out.\n"),
                "Content/relay.md": article("title: Relay access denied", body: "The relay was refused.\n"),
                "Content/unable.md": article("title: Unable to relay", body: "Sign in to relay.\n"),
                "Content/late.md": article("title: Mail is late", body: "It really is late.\n"),
            ], fillers: 8, "About a message")
        #expect(engine.answer("spam fliter").corrections.map(\.corrected) == ["filter"])
        #expect(engine.answer("realy late").corrections.map(\.corrected) == ["really"])
        #expect(SearchEngine.differByADoubledLetter(Array("comming".utf8), Array("coming".utf8)))
        #expect(!SearchEngine.differByADoubledLetter(Array("realy".utf8), Array("relay".utf8)))
    }

    /// What a customer adds around the question (please, thanks, help) weighs as little as
    /// "the": the article quoting a dialog that says "Please verify" does not outrank the answer.
    @Test func politeWordsWeighLittle() throws {
        let engine = try Self.engine(
            [
                "Content/attachments.md": article(
                    "title: Attachments are missing", body: "The attachment shows as winmail.dat.\n"),
                "Content/host.md": article(
                    "title: Cannot find the host\nsymptoms: [Please verify that you have entered the server name]",
                    body: "The host could not be found.\n"),
            ], fillers: 8, "About an attachment")
        #expect(engine.search("attachment please").first?.slug == "attachments")
    }

    /// What still works (`webmail works fine`) is the contrast, not the problem: `fine` weighs
    /// little, so the article that happens to say it does not outrank the one about the problem.
    @Test func whatWorksFineWeighsLittle() throws {
        let engine = try Self.engine(
            [
                "Content/host.md": article("title: Find the server", body: "Check its name.\n"),
                "Content/display.md": article("title: Fine in webmail", body: "Open it in webmail.\n"),
            ], fillers: 8, "About the mail program")
        #expect(engine.search("find server, webmail fine").first?.slug == "host")
    }

    /// 一封 says "a message", not which problem: the article whose title says 同一封 does not win
    /// every query that has it; 两封 (twice) stays a word.
    @Test func aChineseQuantityOfOneWeighsLittle() throws {
        let engine = try Self.engine(
            [
                "Content/dup.md": article(
                    "title: 同一封邮件收到两封\nsymptoms: [每一封都收到两次]", body: "一封邮件出现两次。\n"),
                "Content/garbled.md": article("title: 收到的邮件乱码", body: "切换编码。\n"),
            ], fillers: 8, "关于邮件", language: "zh-CN")
        #expect(engine.search("一封邮件乱码").first?.slug == "garbled")
        #expect(engine.search("一封变两封").first?.slug == "dup")
    }

    /// A Chinese dialog has no spaces: its pieces end at the punctuation next to a Chinese
    /// character too, and seven Chinese characters quoted say as much as twenty letters.
    @Test func aPastedChineseDialogFindsTheArticleThatQuotesIt() throws {
        #expect(
            QuotedPassage.pieces(of: Array("无法连接到 x.com:不知道这样的主机。".unicodeScalars)).map {
                String(String.UnicodeScalarView($0))
            }
                == ["无法连接到", "x.com", "不知道这样的主机"])
        #expect(
            QuotedPassage.pieces(of: Array("the host 'mail.abc.com' could".unicodeScalars)).map {
                String(String.UnicodeScalarView($0))
            } == ["the", "host", "'mail.abc.com'", "could"])
        let engine = try Self.engine(
            [
                "Content/timeout.md": article("title: 无法连接到服务器，连接超时", body: "检查网络。\n"),
                "Content/host.md": article("title: 找不到主机\nsymptoms: [不知道这样的主机。]", body: "检查服务器名。\n"),
            ], fillers: 8, "关于邮件", language: "zh-CN")
        #expect(engine.search("无法连接到 smtp.abc.com：不知道这样的主机。").first?.slug == "host")
    }

    /// A pasted paragraph of unknown words does not look each of them up: the first five only.
    @Test func atMostFiveWordsAreCorrected() throws {
        let answer = try engine().answer("calender newslettr prnit mesage outlok sendd blokced")
        #expect(answer.corrections.map(\.corrected) == ["calendar", "newsletter", "print", "message", "outlook"])
    }

    /// Short words are not corrected, and a code is never "corrected" into another code.
    @Test func shortWordsAndCodesStayAsTyped() throws {
        let engine = try engine()
        #expect(engine.answer("prnt").corrections.map(\.corrected) == ["print"])
        #expect(engine.answer("rpint").corrections.map(\.corrected) == ["print"])
        #expect(engine.answer("prt").corrections.isEmpty)
        #expect(engine.answer("0x800ccc0e").corrections.isEmpty)
    }

    /// When no article holds enough of the query, the closest ones show, with what they lack.
    @Test func neverAnEmptyPage() throws {
        let answer = try engine().answer("calendar zzqqxx wwvvkk")
        #expect(answer.partial)
        #expect(answer.results.first?.slug == "calendar")
        #expect(answer.results.first?.missing == ["zzqqxx", "wwvvkk"])
        // a query of only stop words still finds what holds them
        #expect(try !engine().search("why does it").isEmpty)
    }

    /// A dialog pasted with its own host name occurs nowhere whole, but the article that quotes
    /// the rest of it comes first, ahead of one that holds a few of its words in weightier fields.
    @Test func aPastedDialogFindsTheArticleThatQuotesIt() throws {
        let site = try TemporarySite(
            [
                "fixbook.yml": "title: 帮助\nlanguage: zh-CN\n",
                "Content/host.md": article(
                    "title: 找不到主机",
                    body: "客户端提示：\n\n> The host 'pop.example.com' could not be found. Please verify that "
                        + "you have entered the server name correctly.\n\n## 解决方法\n\n核对服务器名称。\n"
                ),
                "Content/user.md": article(
                    "title: 退信：User not found\nsymptoms: [User not found, Host not found, Server name not found]",
                    body: "对方服务器上没有这个用户。\n\n## 解决方法\n\n核对地址。\n"
                ),
            ], withTemplates: false)
        defer { site.remove() }
        var index = SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root)))
        let pasted = "The host 'mail.abc.com' could not be found. Please verify that you have entered the server name"
        #expect(SearchEngine(index: index).search(pasted).map(\.slug) == ["host", "user"])
        // (without the bonus, and the pairs of words it holds, the words the other's title and
        // symptoms hold win)
        index.ranking.passage = 0
        (index.ranking.pairTitle, index.ranking.pairSymptom) = (0, 0)
        #expect(SearchEngine(index: index).search(pasted).first?.slug == "user")
        // a stretch shorter than passageMinimum is no quotation
        #expect(
            QuotedPassage.bonus(
                QuotedPassage.pieces(of: Array("not found".unicodeScalars)),
                in: [Array("user not found".unicodeScalars)], ranking: .standard) == 0)
    }

    /// A synonym is worth no more than the words typed: `unable to receive` holds a rarer word
    /// than `not receiving`, and an article whose title holds its words apart (`Receiving fails
    /// with "Unable to log on"`) does not outrank the one that says `not receiving`.
    @Test func aSynonymWeighsNoMoreThanTheWordsTyped() throws {
        let engine = try Self.engine(
            [
                "Content/synonyms.yml": "- [not receiving, unable to receive, can't receive]\n",
                "Content/receiving.md": article(
                    "title: Not receiving from outside\nsymptoms: [Not receiving anything]\n"
                        + "summary: When you are not receiving, check the MX records.",
                    body: "Check the MX records.\n"),
                "Content/spa.md": article(
                    "title: 'Receiving fails with \"Unable to log on using SPA\"'\n"
                        + "symptoms: [Unable to log on, Ticked SPA and now I can't receive]",
                    body: "Untick SPA.\n"),
            ], fillers: 12, "Something about receiving")
        #expect(engine.search("still not receiving").prefix(2).map(\.slug) == ["receiving", "spa"])
    }

    /// A synonym of several words is found with one more word between two of its words, as
    /// customers write it (`nothing ever shows up`), and the word in between is still a word of
    /// the query: the result that lacks it says so.
    @Test func aSynonymIsFoundWithAWordInBetween() throws {
        let engine = try Self.engine(
            [
                "Content/synonyms.yml": "- [nothing shows up, not receiving]\n",
                "Content/receiving.md": article("title: Not receiving mail", body: "No mail arrives.\n"),
                "Content/preview.md": article(
                    "title: The preview pane shows nothing\nsymptoms: ['Nothing shows in the preview, ever']",
                    body: "Turn the preview on.\n"),
            ], fillers: 12, "Something about mail")
        let results = engine.search("nothing ever shows up")
        #expect(results.first?.slug == "receiving")
        #expect(results.first?.missing == ["ever"])
        // a run of word characters between spaces only: punctuation is no word in between
        #expect(engine.search("nothing, shows up").first?.slug != "receiving")
    }

    /// A synonym of English words is found in another form of its words, as the articles' words
    /// are: `alerting` and `alerts` for alert, `bounces back` for bounce back; the result that
    /// lacks it shows what was typed.
    @Test func aSynonymIsFoundInAnotherFormOfItsWords() throws {
        let engine = try Self.engine(
            [
                "Content/synonyms.yml": "- [alert, notification]\n- [bounce back, returned]\n",
                "Content/notify.md": article(
                    "title: Get a notification for the unknown folder", body: "Turn notifications on.\n"),
                "Content/returned.md": article("title: Mail returned to you", body: "Read the report.\n"),
                "Content/folder.md": article("title: The unknown folder", body: "Empty the folder.\n"),
            ], fillers: 12, "Something about mail")
        #expect(engine.search("alerting").first?.slug == "notify")
        let results = engine.search("unknown folder alerts")
        #expect(results.first?.slug == "notify")
        #expect(results.first { $0.slug == "folder" }?.missing == ["alerts"])
        #expect(engine.search("my mail bounces back").first?.slug == "returned")
        // whole words only: the letters of a word with a digit are no word of their own
        #expect(engine.search("alerts2").first?.slug != "notify")
    }

    /// A contraction in a synonym is found however the customer types it (`cant`, `cannot`,
    /// `can not`, `can’t` for can't): each is `can not`, as the articles' words are.
    @Test func aSynonymIsFoundWhateverTheContractionsSpelling() throws {
        let engine = try Self.engine(
            [
                "Content/synonyms.yml": "- [can't find the server, host not found]\n",
                "Content/host.md": article("title: Host not found", body: "Check the host name.\n"),
                "Content/settings.md": article(
                    "title: Find the server settings", body: "The server settings are in the account.\n"),
            ], fillers: 12, "Something about mail")
        for query in [
            "can't find the server", "cant find the server", "cannot find the server", "can not find the server",
            "can\u{2019}t find the server", "outlook cant find the server",
        ] {
            #expect(engine.search(query).first?.slug == "host", "\(query)")
        }
        // what a result lacks is what was typed
        #expect(engine.search("outlook cant find the server").first?.missing == ["outlook"])
        // a synonym ends where a word ends (`can` is none in can't, written as it is or in
        // another form), and one that starts with the `not` of a contraction covers its word
        let broken = try Self.engine(
            [
                "Content/synonyms.yml": "- [not working, broken]\n- [can, able]\n",
                "Content/broken.md": article("title: The button is broken", body: "Replace it.\n"),
                "Content/able.md": article("title: Able to log in", body: "Sign in.\n"),
            ], fillers: 12, "Something about mail")
        #expect(broken.search("the button isn't working").first?.slug == "broken")
        #expect(broken.search("i can't log in").first { $0.slug == "able" }?.missing == ["i", "can't"])
    }

    /// What the customer says did not happen weighs little: in "they get no bounce" the bounce
    /// article would win on the word that rules it out; the word is lowered, never dropped.
    @Test func whatDidNotHappenWeighsLittle() throws {
        let engine = try Self.engine(
            [
                "Content/bounce.md": article(
                    "title: A bounce came back\nsymptoms: [I got a bounce]", body: "Read the bounce.\n"),
                "Content/missing.md": article(
                    "title: Mail from customers never arrives\nsymptoms: [Customers say their mail vanishes]",
                    body: "Check the MX records.\n"),
            ], fillers: 12, "Something about mail")
        #expect(engine.search("mail vanishes, no bounce").first?.slug == "missing")
        #expect(engine.search("mail vanishes, never got any bounce").first?.slug == "missing")
        // said twice, once not negated, it is a word of the question; alone, it still finds
        #expect(engine.search("no bounce").first?.slug == "bounce")
        #expect(engine.search("a bounce but no bounce reason for customers mail").first?.slug == "bounce")
    }

    /// Two articles with the same words: the one that holds the customer's words in their order,
    /// next to each other, answers ("mail to outside", not "mail from outside … to you"), also
    /// when a word was misspelled; a pair of stop words or of Chinese terms counts for nothing.
    @Test func wordsNextToEachOtherMeanMoreTogether() throws {
        let engine = try Self.engine(
            [
                "Content/to.md": article(
                    "title: Mail to outside addresses is refused for you", body: "Ask the admin.\n"),
                "Content/from.md": article("title: Mail from outside addresses to you is refused", body: "Check MX.\n"),
            ], fillers: 12, "Something about mail")
        #expect(engine.search("mail to outside refused").first?.slug == "to")
        #expect(engine.search("refused to outsdie").first?.slug == "to")
        #expect(engine.search("mail from outside refused").first?.slug == "from")
        let isStop = { (term: String) in ["to", "from", "is"].contains(term) }
        #expect(
            AdjacentWords.pairs(
                of: [["mail", "to", "outsid", "to", "outsid", "is", "from"], ["x"], ["from", "y"]], pairless: [],
                isStop: isStop)
                == [
                    .init(first: "mail", second: "to"), .init(first: "to", second: "outsid"),
                    .init(first: "outsid", second: "to"), .init(first: "outsid", second: "is"),
                    .init(first: "from", second: "y"),
                ])
        #expect(AdjacentWords.pairs(of: [["退信", "outlook", "outlook"]], pairless: [], isStop: isStop) == [])
        #expect(
            AdjacentWords.pairs(of: [["outlook", "will", "not", "receiv"]], pairless: ["will", "not"], isStop: isStop)
                == [])
    }

    /// `not` and the auxiliary verbs pair with nothing: "Outlook won't receive" is no "Outlook
    /// won't start", though the two say `outlook will` alike.
    @Test func grammarWordsPairWithNothing() throws {
        let engine = try Self.engine(
            [
                "Content/start.md": article("title: Outlook won't start", body: "Start it in safe mode.\n"),
                "Content/receive.md": article(
                    "title: Outlook receives no mail\nsymptoms: [Nothing arrives]", body: "Check the account.\n"),
            ], fillers: 12, "Something about mail")
        #expect(engine.search("outlok wont recieve mail").first?.slug == "receive")
    }

    /// What `NegatedWords` negates in `query`, as text.
    static func negated(_ query: String, language: String = "en") -> [String] {
        let scalars = Array(query.unicodeScalars)
        return NegatedWords.scopes(in: scalars, ranking: SearchRanking(language: language)).map {
            String(String.UnicodeScalarView(scalars[$0]))
        }
    }

    /// The word a negation negates: past its fillers, a whole word; in Chinese, the two
    /// characters after 也没….
    @Test func aNegationNegatesTheWordAfterIt() {
        #expect(Self.negated("they get no bounce") == ["bounce"])
        #expect(Self.negated("he never got any error back, no bounce either") == ["error", "bounce"])
        #expect(Self.negated("nobody knows") == [])
        #expect(Self.negated("no") == [])
        // where the customer already looked, past a possessive
        #expect(Self.negated("it isn't in my Unknown folder either") == ["Unknown"])
        #expect(Self.negated("not in our junk, not in the inbox") == ["junk", "inbox"])
        #expect(Self.negated("他那边也没收到退信", language: "zh-CN") == ["退信"])
        #expect(Self.negated("我没收到邮件", language: "zh-CN") == [])
        #expect(Self.negated("他那边也没收到退信") == [])
        // where the customer already looked comes before what says so, back to punctuation or a
        // space and at most eight characters
        #expect(Self.negated("客户的信收不到，不明文件夹也翻过了", language: "zh-CN") == ["不明文件夹"])
        #expect(Self.negated("我收件箱和不明文件夹里都找不到", language: "zh-CN") == ["箱和不明文件夹里"])
        #expect(Self.negated("收不到 不明文件夹也是空的，他也没收到退信", language: "zh-CN") == ["不明文件夹", "退信"])
        #expect(Self.negated("收件箱和那个不明文件夹都翻遍了也没有", language: "zh-CN") == ["和那个不明文件夹"])
        #expect(Self.negated("也翻过了", language: "zh-CN") == [])
        #expect(Self.negated("不明文件夹也翻过了") == [])
    }

    /// "The Unknown folder is empty too": a place looked in is no question about it, so the
    /// article on mail that never arrives answers, not the one on the Unknown folder.
    @Test func aPlaceAlreadyLookedInWeighsLittle() throws {
        let files = [
            "Content/unknown.md": article(
                "title: 正常邮件被放进了不明文件夹\nsymptoms: [在不明文件夹里找到了客户的信]", body: "把发件人加入白名单。\n"),
            "Content/missing.md": article(
                "title: 收不到外部邮件\nsymptoms: [外面的信收不到]", body: "检查域名解析。\n"),
        ]
        let query = "客户的信收不到，不明文件夹也翻过了"
        let engine = try Self.engine(files, fillers: 12, "关于邮件的说明", language: "zh-CN")
        #expect(engine.search(query).first?.slug == "missing")
        #expect(engine.search("不明文件夹里有正常邮件").first?.slug == "unknown")
    }

    /// A guess at the cause covers the rest of its clause: up to punctuation, an English guess's
    /// also up to `but`, a Chinese one's up to a space; an English guess is a whole word.
    @Test func aGuessCoversTheRestOfItsClause() {
        #expect(
            Self.negated("i assumed the spam filter held it back, nothing arrives") == [" the spam filter held it back"]
        )
        #expect(Self.negated("i thought it was slow but it times out") == [" it was slow"])
        #expect(Self.negated("rethought the setup") == [])
        #expect(Self.negated("我以为是反垃圾太严，把级别调低了", language: "zh-CN") == ["是反垃圾太严"])
        #expect(Self.negated("还以为他发错了 最后在不明文件夹里找着了", language: "zh-CN") == ["他发错了"])
        #expect(Self.negated("老板还以为我磨洋工 能查下卡哪儿了不", language: "zh-CN") == ["我磨洋工"])
        // 以为 alone is no guess: 可以为每个人设置 is "can be set for everyone"
        #expect(Self.negated("可以为每个人设置", language: "zh-CN") == [])
        #expect(Self.negated("我以为是反垃圾太严") == [])
    }

    /// "I assumed the spam filter was too strict": the customer's guess at the cause is mostly
    /// what it was not, so the article on mail that never arrives answers, not the spam filter's.
    @Test func aGuessAtTheCauseWeighsLittle() throws {
        let files = [
            "Content/spam.md": article(
                "title: 调整反垃圾级别\nsymptoms: [反垃圾太严，正常的信被挡]", body: "在设置里把反垃圾级别调低。\n"),
            "Content/missing.md": article(
                "title: 收不到外部邮件\nsymptoms: [外面的信收不到]", body: "检查域名解析。\n"),
        ]
        let engine = try Self.engine(files, fillers: 12, "关于邮件的说明", language: "zh-CN")
        #expect(engine.search("收不到信，我以为是反垃圾太严").first?.slug == "missing")
        #expect(engine.search("收不到信，反垃圾太严").first?.slug == "spam")
        #expect(engine.search("信收不到 我以为是反垃圾太严挡了").first?.slug == "missing")
    }

    /// An article that claims 550 for an unknown user: the rival claimer of the bounce tests.
    static func unknownUser(moreCodes: String = "") -> String {
        article(
            "title: Recipient does not exist\ncodes:\n  - code: 550\n    message: Invalid User\n" + moreCodes,
            body: "Check the address.\n")
    }

    /// A bounce whose enhanced status code no article claims (5.7.26) is one the help center does
    /// not explain: its reply code (550) is no code hit in the articles that claim 550 for another
    /// reason, and the article whose words hold the code answers. With a claimed enhanced code, or
    /// none, 550 counts as before.
    @Test func aReplyCodeYieldsToAnEnhancedCodeNoArticleClaims() throws {
        let engine = try Self.engine(
            [
                "Content/unknown.md": Self.unknownUser(moreCodes: "  - code: 5.1.1\n    message: User unknown\n"),
                "Content/forward.md": article(
                    "title: A bounce you do not recognize\nsymptoms:\n"
                        + "  - \"550 5.7.26 Unauthenticated email is not accepted due to the domain's DMARC policy\"",
                    body: "Forward the bounce to support as an attachment.\n"),
            ], fillers: 12, "Something about mail")
        let dmarc = "550 5.7.26 This message does not pass DMARC policy checks"
        #expect(engine.search(dmarc).first?.slug == "forward", "\(engine.search(dmarc).map(\.slug))")
        #expect(engine.search(dmarc).first?.matchedCodes == [])
        #expect(engine.search("550 5.1.1 This message does not pass").first?.slug == "unknown")
        #expect(engine.search("550 This message does not pass").first?.slug == "unknown")
    }

    /// A bounce line kept as a symptom finds its article when pasted, though another article
    /// claims the line's code and would win on the code alone: the quote answers the code too, and
    /// the line's words decide.
    @Test func aPastedBounceFindsTheArticleThatQuotesIt() throws {
        let engine = try Self.engine(
            [
                "Content/unknown.md": Self.unknownUser(),
                "Content/restricted.md": article(
                    "title: You cannot send outside the company\nsymptoms:\n"
                        + "  - \"550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized\"\n  - \"Port: 110\"",
                    body: "Ask the administrator.\n"),
            ], fillers: 12, "Something about mail")
        let pasted = "Remote Server returned '550 RESOLVER.RST.NotAuthorized; not authorized'"
        let results = engine.search(pasted)
        #expect(results.prefix(2).map(\.slug) == ["restricted", "unknown"], "\(results.map(\.slug))")
        #expect(results.first?.matchedCodes == ["550"])
        // with its enhanced code, which no article claims, the line's 550 is no claim of an
        // unknown user (`aReplyCodeYieldsToAnEnhancedCodeNoArticleClaims`)
        let whole = engine.search("Remote Server returned '550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized'")
        #expect(whole.map(\.slug) == ["restricted"])
        // the code alone is no quote of the line: its claimer answers it
        #expect(engine.search("550").map(\.slug) == ["unknown"])
        // Without the quote, the claim of 550 comes first.
        let unquoted = try Self.engine(
            [
                "Content/unknown.md": Self.unknownUser(),
                "Content/restricted.md": article(
                    "title: You cannot send outside the company\nsymptoms:\n"
                        + "  - \"RESOLVER.RST.NotAuthorized; not authorized\"",
                    body: "Ask the administrator.\n"),
            ], fillers: 12, "Something about mail")
        #expect(unquoted.search(pasted).first?.slug == "unknown")
    }

    /// A bounce line's code and its message are one piece of evidence: an article that claims
    /// `554` with the message `Relay access denied`, and that message as a code of its own, gets
    /// one code hit from `554 … Relay access denied`, not two, so the pasted dialog goes to the
    /// article of the client's own error number, which quotes the line.
    @Test func aCodeAndItsMessageCountAsOneCodeHit() throws {
        let engine = try Self.engine(
            [
                "Content/antispam.md": article(
                    "title: The server responded 554 Relay access denied\ncodes:\n"
                        + "  - code: 554\n    message: Relay access denied\n"
                        + "  - code: Relay access denied\n    message: The server refused to relay it",
                    body: "Reword the message.\n"),
                "Content/client.md": article(
                    "title: Outlook error 0x800CCC79 when sending\ncodes:\n"
                        + "  - code: 0x800CCC79\n    message: One of the recipients was rejected\nsymptoms:\n"
                        + "  - \"554 5.7.1 <someone@example.com>: Relay access denied\"",
                    body: "Tick My server requires authentication.\n"),
            ], fillers: 12, "Something about mail")
        let pasted =
            "Task 'Sending' reported error (0x800CCC79): 'The server responded: 554 5.7.1 <bids@harrow.co.uk>: Relay access denied'"
        let results = engine.search(pasted)
        #expect(results.prefix(2).map(\.slug) == ["client", "antispam"], "\(results.map { ($0.slug, $0.score) })")
        #expect(results.first { $0.slug == "antispam" }?.matchedCodes == ["554"])
        // the message alone is still a code of the article that claims it
        let message = engine.search("Relay access denied")
        #expect(message.first?.slug == "antispam")
        #expect(message.first?.matchedCodes == ["Relay access denied"])
    }

    /// A symptom that quotes a code the article claims is one more message of the claim: the
    /// unknown-recipient article claims `550 Invalid User` and keeps QQ Mail's `550 Mailbox not
    /// found or access denied` as a symptom, so that pasted bounce finds it before the article
    /// whose 550 is `Mail content denied` (which shares `denied`); the code is shown once.
    @Test func aSymptomQuotingTheArticlesOwnCodeIsAMessageOfIt() throws {
        let files = [
            "Content/unknown.md": article(
                "title: Recipient does not exist\ncodes:\n  - code: 550\n    message: Invalid User\nsymptoms:\n"
                    + "  - 550 Mailbox not found or access denied",
                body: "Check the address.\n"),
            "Content/antispam.md": article(
                "title: Rejected by the recipient's anti-spam system\ncodes:\n  - code: 550\n    message: Mail content denied\n"
                    + "symptoms:\n  - The server said access denied in reply to RCPT TO command",
                body: "Reword the message.\n"),
        ]
        let engine = try Self.engine(files, fillers: 12, "Something about mail")
        let pasted =
            "<3158822047@qq.com>: host mx1.qq.com[14.18.175.202] said: 550 Mailbox not found or access denied (in reply to RCPT TO command)"
        let results = engine.search(pasted)
        #expect(results.prefix(2).map(\.slug) == ["unknown", "antispam"], "\(results.map { ($0.slug, $0.score) })")
        #expect(results.first?.matchedCodes == ["550"])
        // the index lists the article under 550 once
        let site = try TemporarySite(
            files.merging(["fixbook.yml": "title: Help\nlanguage: en\n"]) { $1 }, withTemplates: false)
        defer { site.remove() }
        let index = SearchIndexBuilder.build(SiteModel(try SiteLoader.load(root: site.root)))
        #expect(index.codes["550"] == ["antispam", "unknown"])
    }

    /// What the index says of a quote: the article answers the code, is not listed under it on the
    /// site, and its link is the article's solution; a number that no article claims is no code.
    @Test func aQuotedCodeIsMarkedInTheIndex() throws {
        let site = try TemporarySite(
            [
                "fixbook.yml": "title: Help\nlanguage: en\n",
                "Content/unknown.md": Self.unknownUser(),
                "Content/restricted.md": article(
                    "title: You cannot send outside\nsymptoms:\n  - \"550 5.7.1 Not authorized, Port: 110\"",
                    body: "Why.\n\n## Solution\n\nAsk the administrator.\n"),
                "Content/relay.md": article(
                    "title: Turn on authentication\nsymptoms:\n  - \"550 5.7.1 <someone@example.com>... Relaying denied\"",
                    body: "Why.\n"),
            ], withTemplates: false)
        defer { site.remove() }
        let model = SiteModel(try SiteLoader.load(root: site.root))
        let index = SearchIndexBuilder.build(model)
        #expect(index.codes["550"] == ["unknown", "relay", "restricted"])
        // the writer's example address is no word of the message: the customer's own differs
        #expect(index.articles.first { $0.slug == "relay" }?.codes.map(\.message) == ["Relaying denied"])
        #expect(index.codes["110"] == nil)
        let restricted = try #require(index.articles.first { $0.slug == "restricted" })
        #expect(
            restricted.codes == [
                SearchIndex.Code(
                    code: "550", key: "550", system: "smtp", message: "Not authorized, Port: 110",
                    url: "articles/restricted.html#solution", quoted: true)
            ])
        #expect(model.knowledgeBase.byCodeKey["550"]?.count == 1)
        let json = String(decoding: SearchIndexBuilder.json(index), as: UTF8.self)
        #expect(json.contains(#""message":"Not authorized, Port: 110","quoted":true,"system":"smtp""#))
    }

    @Test func editDistanceCountsASwapOnce() {
        #expect(EditDistance.within(Array("recieve".utf8), Array("receive".utf8), limit: 1) == 1)
        #expect(EditDistance.within(Array("newslettr".utf8), Array("newsletter".utf8), limit: 2) == 1)
        #expect(EditDistance.within(Array("abcdef".utf8), Array("badcfe".utf8), limit: 2) == nil)
        #expect(EditDistance.within(Array("mail".utf8), Array("mail".utf8), limit: 1) == 0)
    }
}
