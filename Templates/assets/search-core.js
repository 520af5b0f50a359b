/*
 * Fixbook client-side search.
 *
 * One classic script, no modules, no network, no dependencies: it works from file://.
 * The page loads assets/search-index.js first (it sets window.FIXBOOK_INDEX: the entry of the
 * split index, see SearchShards.swift), then this file. Both are `defer`. A query then loads the
 * index shards and result documents it needs from assets/search/ through <script> tags, each of
 * which calls FixbookSearchData(name, data); so a 100,000-article site searches from file://
 * without downloading its whole index.
 *
 * This file is the search core (normalize, tokenize, codeKeys, search, ...): pure functions over
 * a store (shardStore for the split index, memoryStore for search-index.json), exported as
 * window.FixbookSearch in the browser and through module.exports for node. search.js, loaded
 * after it, is the user interface.
 *
 * The tokenizer, the code recognizer and the ranking are MIRRORED by the Swift implementation.
 * Tests/Fixtures/search/tokenizer-vectors.json is the shared contract for tokenize/codeKeys;
 * Content/search-tests.yml is the shared contract for ranking. Change both sides together.
 *
 * ------------------------------------------------------------------------------------------
 * 1. normalize(text)
 *    NFKC, then lower-case (Unicode default case mapping, no locale). Full-width letters and
 *    digits become ASCII (０ｘ８００ＣＣＣ０Ｆ → 0x800ccc0f), full-width punctuation becomes ASCII.
 *
 * 2. tokenize(text) → [token]  (on normalize(text); order of appearance, duplicates kept)
 *    Work on Unicode scalars (code points), never on grapheme clusters (Swift: unicodeScalars).
 *    Every code point is one of:
 *    - CJK: Han, Hiragana, Katakana, Hangul, by the explicit code point ranges of isCJK()
 *      below. A maximal run of CJK code points becomes its overlapping bigrams
 *      (无法找到 → 无法, 法找, 找到); a run of ONE code point is a unigram (错 → 错).
 *    - word: any other letter (\p{L}), mark (\p{M}) or decimal digit (\p{Nd}); ASCII a-z 0-9
 *      are the usual case. A maximal run of word code points is one word. A "." is part of
 *      the word when the code point before it is an ASCII digit (0-9) and the one after it is
 *      an ASCII digit too: 5.1.1, 192.168.1.1 and v1.2 stay whole. An apostrophe (' or ’)
 *      between two ASCII letters is part of the word: doesn't.
 *    - separator: everything else (space, punctuation, symbols, "_", "-"...).
 *    CJK and word runs are separate tokens even without a separator: 错误代码550 →
 *    错误, 误代, 代码, 550.
 *    Compounds: words joined by single "." or "@" with an ASCII letter or digit on both sides
 *    (mail.example.com, user@example.com, winmail.dat) are followed by the whole, as a token
 *    of its own: mail, example, com, mail.example.com (before stemming of the parts).
 *    Every word of a-z and apostrophes is then FOLDED (foldWord; SearchTerms.swift):
 *    - "n't" → the word before and "not" (won't → will not, can't → can not, shan't → shall
 *      not, ain't → is not); 'll 're 've 'm 'd → the word and will, are, have, am, would; 's →
 *      the word; other apostrophes are dropped (o'clock → oclock);
 *    - without apostrophe, or misspelled: aint arent arnt cannot cant couldnt didint didnt
 *      doesent doesnt dont dosent dosnt hadnt hasnt havent havnt isnt shouldnt wasent wasnt
 *      werent wont wouldnt → the word and "not";
 *    - each resulting word is stemmed with the Snowball English stemmer (search-stemmer.js;
 *      Tests/Fixtures/search/stemmer-vectors.json): printing → print.
 *    A size typed against its number (digits, at most one decimal point, then k kb kib m mb mib
 *    g gb gib t tb tib: 25mb, 30m, 2.5g) is its number and its unit as kb, mb, gb or tb
 *    (25mb → 25, mb), so 25MB meets "30 MB".
 *    Other tokens (CJK, digits, accents, compounds) stay as they are. A "plain" word is one of
 *    a-z only that was not a contraction: the dictionary of corrections holds those of 3
 *    letters or more, with their stem, and every CJK bigram under its two characters swapped
 *    (迟延 → 延迟; see FALLBACK).
 *
 * 3. codeKeys(text) → [key]  (unique, in order of first appearance)
 *    Each word token (so a code is "standalone": bounded by separators, CJK or the text's
 *    ends) is tested, first rule that applies wins:
 *    a. 0x + 8 chars of [0-9a-z]: read o as 0 and l, i as 1; if the 8 are then hex digits the
 *       key is "0x" + upper-case (0x800cccof → 0x800CCC0F). Otherwise not a code.
 *    b. 8 chars of [0-9a-z] with at least one ASCII digit: same repair; if all hex and at
 *       least one a-f letter remains → "0x" + upper-case (800ccc0d → 0x800CCC0D). (The digit
 *       rule keeps English words such as "official" or "accolade" from becoming codes.)
 *    c. SMTP reply code: exactly 3 digits, first digit 2-5 → as is (550). 600 is not a code.
 *    d. Enhanced status code: [245].d{1,3}.d{1,3} → as is (5.1.1).
 *    e. Any other number of 4-6 digits (socket errors, 11004) → as is.
 *    Message codes ("sender is in prison") are not recognised here: at query time, every key
 *    of the index's `codes` map that is not itself a key by the rules above is a message key,
 *    and it is hit when its tokens occur contiguously in the query's tokens.
 *
 * 4. Ranking. See parseQuery(), score() and runSearch() for the exact arithmetic, and
 *    SearchScoring.swift for the stored numbers. All numbers come from the index's `ranking`.
 *    Stored per term and article: the IMPACT, a whole number:
 *      round(10 × Σ over the fields that hold the term of weight × tf·(k1+1) / (tf + k1·(1 − b
 *      + b·length/average length))), at least 1, the average lengths over all articles rounded to
 *      two significant digits, half up (roundedAverage); fields in the order title 10, symptoms 8,
 *      tags 5, codes 5 (code keys and written codes), headings 3, summary 2, body 1; tf is the
 *      body's count for the body and 1 for the other fields; lengths in terms. A term in more
 *      than 1/denseShare of the articles stores no impacts: each is round(10 × Σ weights of its
 *      fields). Stored per term: its IDF, round(100 × ln(1 + (N − df + ½)/(df + ½))^idfExponent ×
 *      (stopFactor for a stop word or a CJK term holding a stop character)), at least 1. A term no article
 *      holds has `absentIDF` (the same at df 0), or max(1, round(absentIDF × stopFactor)).
 *    The query is cut into CONCEPTS:
 *    - synonym occurrences: every word of every synonym group is looked for in the
 *      normalized, white-space-collapsed query (a word that starts/ends with a word
 *      character must not touch another word character there, nor an apostrophe between word
 *      characters), and so is every word of several words with one more word between two of them
 *      (`gapped`: a run of word characters and apostrophes that starts with a word character,
 *      between spaces; `nothing ever shows up` for `nothing shows up`), and every word of English
 *      words (a–z, apostrophes inside a word) between single spaces as whole such words of the
 *      same terms one space apart (`alerts` for alert, `cant find server` for can't find server;
 *      its concept's text is what was typed). Occurrences are picked longest word first (UTF-16
 *      units), then leftmost, then group, then the one that ends first, without overlaps. Each picked
 *      occurrence is one concept; it matches a field with ALL the tokens of the word itself
 *      (full score) or of a group-mate (half score); the word in between is tokenized as the
 *      rest of the query is, right after it.
 *    - the rest of the query (occurrences replaced by a space) is tokenized; each term is a
 *      concept, except that a compound replaces its parts: it matches whole (full) or with all
 *      its parts in one field (half). A code token also matches the tokens of its key at full
 *      score (800ccc0d also matches 0x800ccc0d). While typing (the query does not end in
 *      white space) the last word, if it starts with [a-z0-9] and has ≥ 2 chars, also matches
 *      index terms that start with it as typed (at most 100, in code unit order, not itself:
 *      `completions`), each as a half alternative whose score is multiplied by the typed word's
 *      length / the term's length (UTF-16 units; completionScores), and, when a word of a
 *      synonym group starts with it, every word of that group, half score (attach →
 *      attachment, 附件, 附档).
 *    - duplicate concepts are dropped (one said negated and not negated is not negated).
 *    NEGATED words (negatedScopes): at each position of the normalized query, the longest of
 *    ranking.negations found there that is a whole word (no word character before it, a space
 *    after it) negates, past any ranking.negationFillers each followed by a space, the run of
 *    word characters that follows (no any bounce: bounce); a Chinese one (its last character
 *    CJK) the two CJK characters right after it (也没收到退信: 退信); the search goes on after
 *    the negated word. And at each position, the longest of ranking.negationsBefore found there
 *    (也翻过, 都找不到…: where the customer already looked) negates the letters, digits and CJK
 *    characters right before it, back to anything else and at most ranking.lookBack code points
 *    (不明文件夹也翻过了: 不明文件夹); the search goes on after it. And at each position, the
 *    longest of ranking.guesses found there (a guess at the cause: thought, assumed, 以为是…; an
 *    English one a whole word) negates the rest of its clause: up to punctuation (,.;:!?、。，；：！？),
 *    an English guess's also up to ' but ', a Chinese one's up to a space; the search goes on at
 *    the clause's end. Overlapping scopes are joined.
 *    A negated word is tokenized as a piece of its own, and its concepts (and a
 *    synonym occurrence that starts in it) weigh ranking.negatedFactor: their weight and their
 *    scores are multiplied by it.
 *    An alternative (a list of tokens) matches an article when one field holds them all; it
 *    scores Σ over its distinct tokens of IDF × impact, and a half alternative whose distinct
 *    tokens' IDFs add up to more than the IDFs of the concept's first full alternative (its
 *    tokens as typed, repeats counted) is scaled down by the ratio of the two. A concept
 *    scores, per article, the larger of its best full alternative and half its best half
 *    alternative.
 *    CORRECTIONS: a concept from a plain word of ≥ typoOneEdit letters that no article matches
 *    at all is searched as the dictionary word within 1 edit (2 from typoTwoEdits letters;
 *    insertions, deletions, substitutions and swaps of neighbours, editDistance()) of the
 *    typed word, or whose term is within as many edits of the typed word's term (its stem;
 *    the smaller of the two counts), and whose first two letters are the typed word's (or
 *    those two swapped, or its first and third: fliter → filter); the letters are counted on
 *    the shorter of the two words compared, and none below typoOneEdit: the nearest, then the
 *    one whose word is fewest edits from the typed word (a word beyond its limit counts 3),
 *    then one that is the typed word with a letter doubled or undoubled (realy → really, not
 *    relay; differByADoubledLetter), then the one whose term most articles
 *    hold, then the first by code units. A word that general English commonly uses (one of the
 *    runs of assets/search/e/: router, wife, thai) is no misspelling and is searched as typed
 *    (the memory store has no such words and corrects every word). Its score is multiplied by
 *    typoFactor. Of the first typoCheckedWords such concepts, only the first typoMaximumWords
 *    that are no common English word are looked up. Not with options.correct === false ("search
 *    instead for").
 *    HOMOPHONES (ranking.homophones, a Chinese help center, split index only): then, in order, a
 *    concept that is one pair of common Chinese characters, no stop word (他们, 一下), matches nothing and has a character
 *    that no matching concept's full terms hold (nor an earlier
 *    corrected pair, as corrected or as typed: `covered`) is looked up by sound: the dictionary
 *    holds each pair of the articles that is a Chinese word (ChineseWordPairs.swift: jieba's
 *    two-character words) under '\u0001', a sound of each of its two characters (parseSounds of
 *    assets/search/homophones.js: one or two sounds a character; every combination) and the
 *    pair itself. It is searched as the word under its sound keys that differs from it in
 *    exactly one character, not covered, whose term most articles hold (on a tie the first
 *    found, key by key), at typoFactor, and shown as a correction — unless the typed pair is
 *    a word that Chinese commonly writes (its count in the runs of assets/search/z/, jieba's,
 *    is not 0) and the word found's count times commonPairMargin exceeds it (老伴 is no typo of
 *    老板; 外遇 is one of 外域), or the changed character makes a word of a count other than 0
 *    with the character on its other side, as the concept before or after the pair holds it
 *    (于十 of 关于十二月: 十二), or the character
 *    changed is its second and the next concept is such a pair that starts with that character
 *    and is corrected by changing it to a term at least as many articles hold (动结 → 冻结, not
 *    时动 → 时冻, in 暂时动结; but 附建 → 附件, not 建不 → 件不). Each looked-up pair counts
 *    towards the same typoMaximumWords as the words above (按装 → 安装, 乱吗 → 乱码). Not with
 *    options.correct === false, nor in the memory store (search-index.json has no sounds).
 *    FALLBACK: of the concepts that are one CJK term and match nothing, each character that no
 *    matching concept's full terms hold (and no earlier such concept took) is searched alone,
 *    for the first typoMaximumWords concepts that have such a character (a concept whose
 *    characters are all held or taken is skipped and not counted). The character's terms are
 *    the index terms that start with it (at most prefixMaximumWords, in order, not the
 *    character itself), then those that end with it (the dictionary holds each CJK bigram under
 *    its characters swapped: the first prefixMaximumWords dictionary words that start with the
 *    character, in order, whose terms are not listed yet). It scores, per article, its best
 *    impact among those terms × the IDF of the number of articles that hold any of them
 *    (idfOf, not a stop word), and counts as a half alternative of its concept. 邮件迟到: 邮件
 *    matches, 迟 and 到 do not, 迟 finds 延迟.
 *    Per article: score = Σ concept scores / 1000
 *      + codeHit per code key of the query that the article claims (index `codes` map), or
 *        quotes in a symptom (its entries for the key all `quoted: true`, the symptom's other
 *        words as message; they add no codes field terms), when its message boost reaches
 *        messageBoost × quoteMinimum; a quote short of it is no code hit at all; nor is a
 *        message key (relay access denied) that the article gives for another code of the query
 *        it claims (554: repeatedMessages); when the query holds an enhanced status code that is
 *        no code hit in any article (5.7.26), a reply code (550) is a code hit only in the
 *        articles whose words hold one of those codes (replyCodeHoldersOf) or where its message
 *        boost reaches messageBoost × quoteMinimum
 *      + message boost: for such a code entry with a message, messageBoost × (distinct message
 *        tokens found among tokenize(query)) / (distinct message tokens); the best entry
 *        per key counts (a symptom quoting a code the article claims is one more entry of the
 *        claim, quoted: true, and never shown as a matched code)
 *      + proximity: if the query has ≥ 2 tokens and the whole query (normalized, white
 *        space collapsed to one space, trimmed) occurs in the normalized title +8, in a
 *        symptom +6, in the body +2; and passage × (pieces in the stretch) / (pieces of the
 *        query) for the longest stretch of the query's pieces (split at spaces, tabs and line
 *        breaks, and at a punctuation mark next to a CJK character: passagePieces), joined by
 *        single spaces and at least passageMinimum UTF-16 units long (a CJK character counts 3), that
 *        the normalized title, a symptom or the body holds (passageBonus); and, for each
 *        distinct pair of adjacent terms of tokenize(query), misspellings corrected, that are
 *        not both stop words, neither in ranking.pairless (not and the auxiliary verbs) and
 *        holding no CJK character, the NEGATED words' scopes cut out (the
 *        terms of the text between them: adjacentPairs), pairTitle if the
 *        title's terms hold the two next to each other in that order, else pairSymptom if a
 *        symptom's do (pairBonus; not the body's, which would have to be split into terms for
 *        every query). Only the first 20
 *        results in the order below, ranked without them, are checked (the browser loads those
 *        articles' text, no more).
 *    Order: score (higher first), then title, then slug (by UTF-16 code units). Articles that
 *    score under minimumShare of the first are dropped. A result lists the concepts it does
 *    not match (`missing`, as typed; the CJK pairs it lacks in a row, overlapping by one
 *    character and contiguous in the query, as one run of characters, less a character at
 *    either end that the concept next to the run holds when the result matches it and the two
 *    are contiguous in the query — a concept matched through the FALLBACK holds only the
 *    characters it searched — and nothing when nothing is left: missingWords) unless it
 *    matched by code; the answer is `partial` when
 *    every result misses some.
 *    A result links to the first code entry (in query key order) that it matched by code,
 *    otherwise to the article.
 *
 * 5. Snippet: the symptom that holds the most of the query's words (each concept and each code
 *    key counted once, however many of its terms the symptom holds), then the one with the most
 *    highlighted characters; if no symptom has a hit, a ~120-char window of the body starting a
 *    little before the first hit; else the summary.
 * ------------------------------------------------------------------------------------------
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------- text & tokens

  function normalize(text) {
    return String(text == null ? '' : text).normalize('NFKC').toLowerCase();
  }

  /** Han, Hiragana, Katakana, Hangul: explicit ranges so the Swift side can mirror them. */
  function isCJK(cp) {
    if (cp < 0x1100) return false;
    return (cp >= 0x1100 && cp <= 0x11FF) || // Hangul Jamo
      (cp >= 0x2E80 && cp <= 0x2FDF) || // CJK Radicals Supplement, Kangxi Radicals
      (cp >= 0x3005 && cp <= 0x3007) || // 々 〆 〇
      (cp >= 0x3021 && cp <= 0x3029) || // Hangzhou numerals
      (cp >= 0x3038 && cp <= 0x303B) ||
      (cp >= 0x3041 && cp <= 0x309F) || // Hiragana
      (cp >= 0x30A1 && cp <= 0x30FF && cp !== 0x30FB) || // Katakana (not ・)
      (cp >= 0x3131 && cp <= 0x318E) || // Hangul Compatibility Jamo
      (cp >= 0x31F0 && cp <= 0x31FF) || // Katakana Phonetic Extensions
      (cp >= 0x3400 && cp <= 0x4DBF) || // CJK Extension A
      (cp >= 0x4E00 && cp <= 0x9FFF) || // CJK Unified Ideographs
      (cp >= 0xA960 && cp <= 0xA97F) || // Hangul Jamo Extended-A
      (cp >= 0xAC00 && cp <= 0xD7FF) || // Hangul Syllables, Jamo Extended-B
      (cp >= 0xF900 && cp <= 0xFAFF) || // CJK Compatibility Ideographs
      (cp >= 0x20000 && cp <= 0x3FFFF); // CJK Extensions B and later
  }

  var WORD_RE = /^[\p{L}\p{M}\p{Nd}]$/u;
  var wordCache = new Map();

  function isWordCP(cp) {
    if (cp < 0x80) {
      return (cp >= 0x61 && cp <= 0x7A) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5A);
    }
    if (isCJK(cp)) return false;
    var known = wordCache.get(cp);
    if (known === undefined) {
      known = WORD_RE.test(String.fromCodePoint(cp));
      wordCache.set(cp, known);
    }
    return known;
  }

  function isDigitUnit(u) { return u >= 0x30 && u <= 0x39; }

  function isAsciiAlnumAt(s, i) {
    var u = i >= 0 && i < s.length ? s.charCodeAt(i) : 0;
    return (u >= 0x61 && u <= 0x7A) || (u >= 0x30 && u <= 0x39);
  }
  function isAsciiLetterAt(s, i) {
    var u = i >= 0 && i < s.length ? s.charCodeAt(i) : 0;
    return u >= 0x61 && u <= 0x7A;
  }

  /**
   * The raw words of normalized text, in order: [text, parts]. A host name, e-mail address or
   * file name (words joined by "." or "@" between ASCII letters or digits) follows its words
   * whole, with `parts` the number of its words (0 for a word).
   */
  function rawWords(s) {
    var out = [];
    var n = s.length;
    var i = 0;
    var compoundStart = 0, compoundWords = 0;
    function endCompound(end) {
      if (compoundWords >= 2) out.push([s.slice(compoundStart, end), compoundWords]);
      compoundWords = 0;
    }
    while (i < n) {
      var cp = s.codePointAt(i);
      var len = cp > 0xFFFF ? 2 : 1;
      if (isCJK(cp)) {
        endCompound(i);
        var chars = [];
        var j = i;
        while (j < n) {
          var c = s.codePointAt(j);
          if (!isCJK(c)) break;
          var l = c > 0xFFFF ? 2 : 1;
          chars.push(s.slice(j, j + l));
          j += l;
        }
        if (chars.length === 1) out.push([chars[0], 0]);
        else for (var k = 0; k + 1 < chars.length; k++) out.push([chars[k] + chars[k + 1], 0]);
        i = j;
      } else if (isWordCP(cp)) {
        var e = i + len;
        while (e < n) {
          var d = s.codePointAt(e);
          if (isWordCP(d)) { e += d > 0xFFFF ? 2 : 1; continue; }
          if (d === 0x2E && isDigitUnit(s.charCodeAt(e - 1)) && e + 1 < n && isDigitUnit(s.charCodeAt(e + 1))) {
            e += 1;
            continue;
          }
          // an apostrophe inside an English word: doesn't, o'clock
          if ((d === 0x27 || d === 0x2019) && isAsciiLetterAt(s, e - 1) && isAsciiLetterAt(s, e + 1)) {
            e += 1;
            continue;
          }
          break;
        }
        if (compoundWords === 0) compoundStart = i;
        compoundWords++;
        out.push([s.slice(i, e), 0]);
        var joins = e < n && (s.charCodeAt(e) === 0x2E || s.charCodeAt(e) === 0x40) &&
          isAsciiAlnumAt(s, e - 1) && isAsciiAlnumAt(s, e + 1);
        if (joins) i = e + 1;
        else { endCompound(e); i = e; }
      } else {
        i += len;
      }
    }
    endCompound(n);
    return out;
  }

  // Contractions (SearchTerms.swift holds the same tables).
  var NEGATIONS = {
    aint: 'is', arent: 'are', arnt: 'are', cannot: 'can', cant: 'can', couldnt: 'could', didint: 'did',
    didnt: 'did', doesent: 'does', doesnt: 'does', dont: 'do', dosent: 'does', dosnt: 'does', hadnt: 'had',
    hasnt: 'has', havent: 'have', havnt: 'have', isnt: 'is', shouldnt: 'should', wasent: 'was', wasnt: 'was',
    werent: 'were', wont: 'will', wouldnt: 'would'
  };
  var NEGATED_STEMS = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };
  // SearchTerms.sizeUnits: the unit of a size typed against its number, as the unit it stands for
  var SIZE_UNITS = { k: 'kb', kb: 'kb', kib: 'kb', m: 'mb', mb: 'mb', mib: 'mb', g: 'gb', gb: 'gb', gib: 'gb', t: 'tb', tb: 'tb', tib: 'tb' };
  var ENDINGS = { ll: 'will', re: 'are', ve: 'have', m: 'am', d: 'would', s: null };

  var stemmer = typeof window !== 'undefined' && window.FixbookStemmer ? window.FixbookStemmer
    : typeof require === 'function' ? require('./search-stemmer.js') : null;

  function stemOf(word) {
    var plain = word.replace(/'/g, '');
    return plain ? [stemmer.stem(plain)] : [];
  }

  /**
   * The terms of one raw word: { terms, plain }. An English word (a-z and apostrophes) is
   * unfolded (doesn't, doesnt → does not; you'll → you will) and stemmed; any other word is its
   * own term. `plain` says the word was a-z only, a dictionary word for corrections.
   */
  function foldWord(word) {
    // a size typed against its number (25MB, 30M) splits into the number and its one unit
    var size = /^([0-9]+(?:\.[0-9]+)?)([a-z]+)$/.exec(word);
    if (size && own(SIZE_UNITS, size[2])) return { terms: [size[1], SIZE_UNITS[size[2]]], plain: false, number: size[1] };
    if (!/^[a-z'\u2019]+$/.test(word)) return { terms: [word], plain: false };
    var letters = word.replace(/\u2019/g, "'");
    var apostrophe = letters.indexOf("'");
    if (apostrophe < 0) {
      if (letters.length >= 4 && letters.charAt(letters.length - 1) === 't' && own(NEGATIONS, letters)) {
        return { terms: stemOf(NEGATIONS[letters]).concat(stemOf('not')), plain: false };
      }
      return { terms: stemOf(letters), plain: true };
    }
    var ending = letters.slice(apostrophe + 1);
    if (apostrophe > 0 && letters.charAt(apostrophe - 1) === 'n' && ending === 't') {
      var base = letters.slice(0, apostrophe - 1);
      return { terms: stemOf(own(NEGATED_STEMS, base) ? NEGATED_STEMS[base] : base).concat(stemOf('not')), plain: false };
    }
    if (own(ENDINGS, ending)) {
      var terms = stemOf(letters.slice(0, apostrophe));
      if (ENDINGS[ending]) terms = terms.concat(stemOf(ENDINGS[ending]));
      return { terms: terms, plain: false };
    }
    return { terms: stemOf(letters), plain: false };
  }

  /**
   * The terms of normalized text, each with its raw word: [{ term, word, plain, parts }]; `parts`
   * are, for a host name, address or file name, the terms of its words, which come just before it.
   */
  function termsWithWords(s) {
    var out = [];
    var starts = [];
    rawWords(s).forEach(function (raw) {
      if (raw[1]) {
        var first = starts[Math.max(0, starts.length - raw[1])];
        out.push({ term: raw[0], word: raw[0], plain: false, parts: out.slice(first).map(function (t) { return t.term; }) });
        return;
      }
      starts.push(out.length);
      var folded = foldWord(raw[0]);
      folded.terms.forEach(function (t, i) {
        // a size (25mb): an article that gives another size lacks the number, not the unit
        var word = i === 0 && folded.number ? folded.number : raw[0];
        out.push({ term: t, word: word, plain: folded.plain && folded.terms.length === 1, parts: [] });
      });
    });
    return out;
  }

  /** Terms of text that is already normalized. */
  function tokenizeNormalized(s) {
    return termsWithWords(s).map(function (t) { return t.term; });
  }

  function tokenize(text) { return tokenizeNormalized(normalize(text)); }

  function repairHex(body) {
    var r = body.replace(/o/g, '0').replace(/[li]/g, '1');
    return /^[0-9a-f]{8}$/.test(r) ? r : null;
  }

  // rules c and d of the header: an SMTP reply code (550) and an enhanced status code (5.7.26)
  var REPLY_CODE = /^[2-5][0-9]{2}$/;
  var ENHANCED_STATUS = /^[245]\.[0-9]{1,3}\.[0-9]{1,3}$/;

  /** The code key of one (normalized) word token, or null. Rules a–e of the header. */
  function codeKeyOfToken(t) {
    var m = /^0x([0-9a-z]{8})$/.exec(t);
    var r;
    if (m) {
      r = repairHex(m[1]);
      return r ? '0x' + r.toUpperCase() : null;
    }
    if (/^[0-9a-z]{8}$/.test(t) && /[0-9]/.test(t)) {
      r = repairHex(t);
      return r && /[a-f]/.test(r) ? '0x' + r.toUpperCase() : null;
    }
    if (REPLY_CODE.test(t) || ENHANCED_STATUS.test(t)) return t;
    if (/^[0-9]{4,6}$/.test(t)) return t;
    return null;
  }

  function codeKeysOfTokens(tokens) {
    var keys = [];
    for (var i = 0; i < tokens.length; i++) {
      var k = codeKeyOfToken(tokens[i]);
      if (k && keys.indexOf(k) < 0) keys.push(k);
    }
    return keys;
  }

  function codeKeys(text) { return codeKeysOfTokens(tokenize(text)); }

  /**
   * The tails of a mail client's code key that a customer types for the code (`cc0d`, `ccc0d` of
   * 0x800CCC0D: its last four and five hex digits, those that hold a digit); none for other codes.
   * SearchTokenizer.hexCodeTails.
   */
  function hexCodeTails(key) {
    var code = codeKeyOfToken(String(key).toLowerCase());
    if (!code || code.slice(0, 2) !== '0x') return [];
    var k = code.toLowerCase();
    var tails = [];
    for (var n = 4; n <= 5; n++) {
      var t = k.slice(k.length - n);
      if (/[0-9]/.test(t)) tails.push(t);
    }
    return tails;
  }

  /**
   * The Windows error codes of a query typed in two to four pieces (`0x800 CCC 79`, `800ccc 0e`),
   * as a customer reading the code aloud or off a screen splits it: pieces of letters and digits
   * that are no code alone and together make a hexadecimal code starting with 0x or 8, as every
   * mail client's error code does (so `be 12 face` stays three words).
   */
  function splitCodeKeysOfTokens(tokens) {
    function isPiece(t) { return /^[0-9a-z]+$/.test(t) && !codeKeyOfToken(t); }
    var keys = [];
    for (var start = 0; start < tokens.length; start++) {
      if (!isPiece(tokens[start])) continue;
      var joined = tokens[start];
      for (var end = start + 1; end < Math.min(start + 4, tokens.length); end++) {
        if (!isPiece(tokens[end])) break;
        joined += tokens[end];
        if (joined.length > 10) break;
        if (!/^(0x|8)/.test(joined)) continue;
        var key = codeKeyOfToken(joined);
        if (key && key.slice(0, 2) === '0x' && keys.indexOf(key) < 0) keys.push(key);
      }
    }
    return keys;
  }

  /** Compare by UTF-16 code units (deterministic, locale-free). */
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function collapse(s) { return s.replace(/\s+/g, ' ').trim(); }

  function isWordAt(s, i) {
    if (i < 0 || i >= s.length) return false;
    var cp = s.codePointAt(i);
    // step back onto a surrogate pair's lead unit
    if (cp >= 0xDC00 && cp <= 0xDFFF && i > 0) cp = s.codePointAt(i - 1);
    return isWordCP(cp);
  }

  /**
   * Where a synonym of several words occurs in `s` with one more word between two of its words
   * (`nothing ever shows up` for `nothing shows up`): [{ start, end, gap: [start, end] }], the
   * word in between a run of word characters and apostrophes that starts with a word character.
   */
  function gapped(word, s) {
    var found = [];
    for (var cut = word.indexOf(' '); cut !== -1; cut = word.indexOf(' ', cut + 1)) {
      var left = word.slice(0, cut + 1), right = word.slice(cut);
      for (var at = s.indexOf(left); at !== -1; at = s.indexOf(left, at + 1)) {
        var gapStart = at + left.length, end = gapStart;
        if (!isWordAt(s, gapStart)) continue;
        while (end < s.length && (isWordAt(s, end) || s[end] === "'")) end++;
        var stop = end + right.length;
        if (stop > s.length || s.slice(end, stop) !== right || !boundaryOK(s, at, stop)) continue;
        found.push({ start: at, end: stop, gap: [gapStart, end] });
      }
    }
    return found;
  }

  /**
   * True when s[start, end) does not cut through a word at either end; an apostrophe between word
   * characters is inside a word (`can` is no word of can't).
   */
  function boundaryOK(s, start, end) {
    if (isWordAt(s, start) && (isWordAt(s, start - 1) || isApostropheInWord(s, start - 1))) return false;
    if (isWordAt(s, end - 1) && (isWordAt(s, end) || isApostropheInWord(s, end))) return false;
    return true;
  }

  /** An apostrophe as English writes it, straight or curly (doesn't, doesn’t). */
  function isApostrophe(ch) { return ch === "'" || ch === '\u2019'; }

  function isApostropheInWord(s, i) {
    return isApostrophe(s[i]) && isWordAt(s, i - 1) && isWordAt(s, i + 1);
  }

  // ---------------------------------------------------------------- stores

  var FIELD_TITLE = 1, FIELD_SYMPTOMS = 2, FIELD_TAGS = 4, FIELD_CODES = 8,
    FIELD_HEADINGS = 16, FIELD_SUMMARY = 32, FIELD_BODY = 64, FIELD_SLOTS = 128;

  /**
   * The index format this script reads (`version` in the index; SearchIndex.format in Swift).
   * A theme copied by `fixbook init --with-theme` keeps its scripts while Fixbook moves on: an
   * index of another format is refused with IndexFormatError instead of being misread.
   */
  var FORMAT = 15;

  function IndexFormatError(found) {
    this.name = 'IndexFormatError';
    this.found = found;
    this.message = 'search index format ' + found + ', but this search script reads format ' + FORMAT;
  }
  IndexFormatError.prototype = Object.create(Error.prototype);

  /**
   * The ranking's numbers come with the index (SearchRanking.swift writes them), so this script
   * and `fixbook lookup` rank alike; `maskWeight[m]` is the weight of the fields in mask m.
   */
  function prepareRanking(index) {
    var version = index && index.version;
    var r = index && index.ranking;
    if (version !== FORMAT || !r || !r.fields) throw new IndexFormatError(version);
    var weights = [r.fields.title, r.fields.symptoms, r.fields.tags, r.fields.codes, r.fields.headings,
      r.fields.summary, r.fields.body];
    return {
      weights: weights, k1: r.k1, b: r.b, denseShare: r.denseShare, stopFactor: r.stopFactor,
      idfExponent: r.idfExponent,
      typoFactor: r.typoFactor, typoOneEdit: r.typoOneEdit, typoTwoEdits: r.typoTwoEdits,
      typoMaximumWords: r.typoMaximumWords, typoCheckedWords: r.typoCheckedWords, homophones: r.homophones === true,
      stopWords: new Set(r.stopWords || []), stopCharacters: String(r.stopCharacters || ''),
      codeHit: r.codeHit, messageBoost: r.messageBoost, quoteMinimum: r.quoteMinimum,
      phraseTitle: r.phraseTitle, phraseSymptom: r.phraseSymptom, phraseBody: r.phraseBody,
      pairTitle: r.pairTitle, pairSymptom: r.pairSymptom, pairless: new Set(r.pairless || []),
      phraseCandidates: r.phraseCandidates, passage: r.passage, passageMinimum: r.passageMinimum,
      prefixMinimum: r.prefixMinimum,
      prefixMaximumWords: r.prefixMaximumWords, minimumShare: r.minimumShare,
      negatedFactor: r.negatedFactor, negations: prepareNegations(r.negations), negationFillers: (r.negationFillers || []).filter(Boolean),
      negationsBefore: prepareNegations(r.negationsBefore), lookBack: r.lookBack,
      guesses: prepareNegations(r.guesses),
      maximumQueryLength: r.maximumQueryLength, commonPairMargin: r.commonPairMargin
    };
  }

  /** A stop word, or a CJK term that holds a function character: weighs less, never nothing. */
  function isStop(ranking, term) {
    if (ranking.stopWords.has(term)) return true;
    if (!isCJK(term.codePointAt(0))) return false;
    for (var i = 0; i < term.length; i++) if (ranking.stopCharacters.indexOf(term.charAt(i)) >= 0) return true;
    return false;
  }

  // ---------------------------------------------------------------- BM25 (SearchScoring.swift)

  var FIELDS = [FIELD_TITLE, FIELD_SYMPTOMS, FIELD_TAGS, FIELD_CODES, FIELD_HEADINGS, FIELD_SUMMARY, FIELD_BODY];

  /** The impact of a term in one article: see the header, 4. */
  function impact(ranking, averages, mask, bodyCount, lengths) {
    var sum = 0;
    for (var f = 0; f < FIELDS.length; f++) {
      if (!(mask & FIELDS[f])) continue;
      var tf = FIELDS[f] === FIELD_BODY ? bodyCount : 1;
      var relative = averages[f] > 0 ? lengths[f] / averages[f] : 1;
      var saturation = ranking.k1 * (1 - ranking.b + ranking.b * relative);
      sum += ranking.weights[f] * (tf * (ranking.k1 + 1) / (tf + saturation));
    }
    return Math.max(1, Math.round(sum * 10));
  }

  /**
   * total / count rounded to two significant digits, half up, in whole numbers until one last
   * division by a power of ten: the very number SearchScoring.roundedAverage gives.
   */
  function roundedAverage(total, count) {
    if (!(total > 0) || !(count > 0)) return 0;
    var numerator = total, denominator = count, exponent = 0;
    while (numerator < 10 * denominator) { numerator *= 10; exponent++; }
    while (numerator >= 100 * denominator) { denominator *= 10; exponent--; }
    var digits = Math.floor((2 * numerator + denominator) / (2 * denominator));
    var power = 1;
    for (var i = 0; i < Math.abs(exponent); i++) power *= 10;
    return exponent >= 0 ? digits / power : digits * power;
  }

  function denseImpact(ranking, mask) {
    var sum = 0;
    for (var f = 0; f < FIELDS.length; f++) if (mask & FIELDS[f]) sum += ranking.weights[f];
    return Math.max(1, Math.round(sum * 10));
  }

  function idfOf(ranking, frequency, documents, stop) {
    var plain = Math.pow(Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5)), ranking.idfExponent);
    return Math.max(1, Math.round(plain * 100 * (stop ? ranking.stopFactor : 1)));
  }

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /** Documents in ranking order: by title, then slug (the ranking's last tie-break). */
  function rankingOrder(a, b) {
    return cmp(String((a && a.title) || ''), String((b && b.title) || '')) ||
      cmp(String((a && a.slug) || ''), String((b && b.slug) || ''));
  }

  /** Synonym groups as the query parser uses them: normalized, only words with tokens. */
  function prepareGroups(synonyms) {
    return (synonyms || []).map(function (g) {
      return (g || []).map(function (w) { return collapse(normalize(w)); }).filter(function (w) {
        return tokenizeNormalized(w).length > 0;
      });
    }).filter(function (g) { return g.length > 1; });
  }

  /**
   * The synonyms of English words (a–z, and an apostrophe within a word) between single spaces, by
   * their first term: such a synonym is found in the query in any form of its words (`alerts` for
   * alert) and a contraction however it is typed (`cant`, `cannot` for can't; SynonymForms.swift).
   */
  function prepareSynonymForms(groups) {
    var byFirst = new Map();
    groups.forEach(function (g, gi) {
      g.forEach(function (w) {
        if (!/^[a-z](?:[a-z'\u2019]*[a-z])?(?: [a-z](?:[a-z'\u2019]*[a-z])?)*$/.test(w)) return;
        var terms = [];
        w.split(' ').forEach(function (x) { terms = terms.concat(tokenizeNormalized(x)); });
        if (!terms.length) return;
        if (!byFirst.has(terms[0])) byFirst.set(terms[0], []);
        byFirst.get(terms[0]).push({ group: gi, word: w, terms: terms });
      });
    });
    return byFirst;
  }

  /**
   * Where a synonym occurs in the normalized query `s` as words of the same terms, one space
   * apart: each whole word a run of a–z with apostrophes inside it that no other word character
   * touches. A contraction is two terms (`can't` is can, not), both of its word.
   */
  function synonymForms(byFirst, s) {
    var found = [];
    if (!byFirst.size) return found;
    function touches(i) {
      return i >= 0 && i < s.length && (isWordAt(s, i) || isApostrophe(s[i]));
    }
    var terms = [];
    var re = /[a-z](?:[a-z]|['\u2019](?=[a-z]))*/g, m;
    while ((m = re.exec(s)) !== null) {
      var start = m.index, end = start + m[0].length;
      if (touches(start - 1) || touches(end)) continue;
      tokenizeNormalized(m[0]).forEach(function (t) { terms.push({ start: start, end: end, term: t }); });
    }
    terms.forEach(function (t, first) {
      // (a synonym ends where a word ends: `is` is none in isn't; one that starts with the `not`
      // of a contraction covers its word: `not working` in isn't working)
      (byFirst.get(t.term) || []).forEach(function (syn) {
        if (first + syn.terms.length > terms.length) return;
        for (var k = 1; k < syn.terms.length; k++) {
          var prev = terms[first + k - 1], next = terms[first + k];
          if (next.term !== syn.terms[k]) return;
          if (next.start !== prev.start && (next.start !== prev.end + 1 || s[prev.end] !== ' ')) return;
        }
        var last = first + syn.terms.length - 1;
        if (last + 1 < terms.length && terms[last + 1].start === terms[last].start) return;
        found.push({ start: t.start, end: terms[last].end, group: syn.group, word: syn.word });
      });
    });
    return found;
  }

  /** The negations, longest first (NegatedWords.swift). */
  function prepareNegations(list) {
    return (list || []).filter(Boolean).slice().sort(function (a, b) { return b.length - a.length; });
  }

  /**
   * What the customer says did not happen (NegatedWords.swift): [start, end) of each word right
   * after a negation of whole words (past its fillers: no any bounce), or of the two Chinese
   * characters right after a Chinese one (也没收到退信), and of where the customer already looked
   * (scopesBefore), in the normalized query `s`; in order, overlapping ones joined.
   */
  function negatedScopes(ranking, s) {
    var scopes = [];
    function scopeAfter(neg, at) {
      var end = at + neg.length;
      if (s.slice(at, end) !== neg) return null;
      if (isCJK(neg.codePointAt(neg.length - 1))) {
        var first = s.codePointAt(end);
        if (first === undefined || !isCJK(first)) return null;
        var second = s.codePointAt(end + (first > 0xFFFF ? 2 : 1));
        if (second === undefined || !isCJK(second)) return null;
        return [end, end + (first > 0xFFFF ? 2 : 1) + (second > 0xFFFF ? 2 : 1)];
      }
      if (isWordAt(s, at - 1) || end >= s.length || s[end] !== ' ') return null;
      end += 1;
      for (;;) {
        var filler = ranking.negationFillers.find(function (f) {
          return end + f.length < s.length && s.slice(end, end + f.length) === f && s[end + f.length] === ' ';
        });
        if (!filler) break;
        end += filler.length + 1;
      }
      var wordEnd = end;
      while (isWordAt(s, wordEnd)) wordEnd++;
      return wordEnd > end ? [end, wordEnd] : null;
    }
    var i = 0;
    while (i < s.length) {
      var next = i + 1;
      for (var k = 0; k < ranking.negations.length; k++) {
        var scope = scopeAfter(ranking.negations[k], i);
        if (scope) { scopes.push(scope); next = scope[1]; break; }
      }
      i = next;
    }
    return mergedScopes(scopes.concat(scopesBefore(ranking, s), guessScopes(ranking, s)));
  }

  /**
   * What a guess at the cause (ranking.guesses: thought, assumed, 以为是…) covers: the rest of its
   * clause, up to punctuation (,.;:!?、。，；：！？), an English guess's also up to ' but ', a
   * Chinese one's (its last character CJK) up to a space. An English guess is a whole word.
   */
  function guessScopes(ranking, s) {
    var scopes = [];
    var i = 0;
    while (i < s.length) {
      var guess = ranking.guesses.find(function (g) { return s.startsWith(g, i); });
      if (!guess) { i++; continue; }
      var chinese = isCJK(guess.codePointAt(guess.length - 1));
      var start = i + guess.length;
      if (!chinese && (isWordAt(s, i - 1) || isWordAt(s, start))) { i++; continue; }
      var end = start;
      while (end < s.length && ',.;:!?、。，；：！？'.indexOf(s[end]) < 0
        && !(chinese ? s[end] === ' ' : s.startsWith(' but ', end))) end++;
      if (end > start) scopes.push([start, end]);
      i = end;
    }
    return scopes;
  }

  /** [start, end) ranges in order, overlapping ones joined. */
  function mergedScopes(scopes) {
    var out = [];
    scopes.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (scope) {
      var last = out[out.length - 1];
      if (last && scope[0] < last[1]) last[1] = Math.max(last[1], scope[1]);
      else out.push([scope[0], scope[1]]);
    });
    return out;
  }

  /**
   * What a look-back negation (ranking.negationsBefore: 也翻过, 都找不到…) negates: the letters,
   * digits and CJK characters right before it, back to punctuation or a space, at most
   * ranking.lookBack code points (不明文件夹也翻过了: 不明文件夹).
   */
  function scopesBefore(ranking, s) {
    var scopes = [];
    var i = 0;
    while (i < s.length) {
      var cue = ranking.negationsBefore.find(function (c) { return s.startsWith(c, i); });
      if (!cue) { i++; continue; }
      var start = i;
      for (var count = 0; start > 0 && count < ranking.lookBack; count++) {
        var previous = safeCut(s, start - 1);
        var cp = s.codePointAt(previous);
        if (!isCJK(cp) && !isWordCP(cp)) break;
        start = previous;
      }
      if (start < i) scopes.push([start, i]);
      i += cue.length;
    }
    return scopes;
  }

  /** Code keys that are messages ("sender is in prison"), with their tokens. */
  function prepareMessageKeys(keys) {
    var out = [];
    keys.slice().sort(cmp).forEach(function (key) {
      var toks = tokenize(key);
      if (toks.length === 1 && codeKeyOfToken(toks[0]) === key) return;
      if (toks.length) out.push({ key: key, tokens: toks });
    });
    return out;
  }

  var resolved = typeof Promise === 'function' ? Promise.resolve() : null;

  /*
   * A store answers the ranking's questions. Two kinds:
   * - memoryStore(index): the whole search-index.json in memory (tests, small tools);
   * - shardStore(meta, load): the split index of assets/search-index.js, loading shards on demand.
   * Both number documents in ranking order. `ensure*` return promises; after they resolve, the
   * synchronous accessors (postings, claims, facet, words, doc) answer for what was ensured.
   */

  /**
   * An article's terms: Map term → { mask, body }, the length of each field in terms (FIELDS
   * order), and its plain words (word → term). SearchFields.swift does the same.
   */
  function documentTerms(a) {
    var terms = new Map();
    var lengths = [0, 0, 0, 0, 0, 0, 0];
    var words = new Map();
    function add(text, f) {
      termsWithWords(normalize(text)).forEach(function (t) {
        var e = terms.get(t.term);
        if (!e) terms.set(t.term, e = { mask: 0, body: 0 });
        e.mask |= FIELDS[f];
        if (FIELDS[f] === FIELD_BODY) e.body++;
        lengths[f]++;
        if (t.plain) {
          if (t.word.length >= 3 && !words.has(t.word)) words.set(t.word, t.term);
        } else {
          var swapped = reversedCJKBigram(t.term);
          if (swapped && !words.has(swapped)) words.set(swapped, t.term);
        }
      });
    }
    add(a.title, 0);
    (a.symptoms || []).forEach(function (x) { add(x, 1); });
    (a.tags || []).forEach(function (x) { add(x, 2); });
    (a.codes || []).forEach(function (c) {
      if (c.quoted) return;
      add(c.key, 3);
      add(c.code, 3);
      // (the tail a customer types of a mail client's code, `ccc0d` of 0x800CCC0D: the code's
      // own term, not counted in the field's length, as the article says the code once)
      hexCodeTails(c.key).forEach(function (t) {
        var e = terms.get(t);
        if (!e) terms.set(t, e = { mask: 0, body: 0 });
        e.mask |= FIELDS[3];
      });
    });
    (a.headings || []).forEach(function (x) { add(x, 4); });
    add(a.summary, 5);
    add(a.text, 6);
    return { terms: terms, lengths: lengths, words: words };
  }

  /** A term of two CJK characters with the two swapped (延迟 → 迟延), or null: the dictionary's
   * key for the words that end with a character (SearchTokenizer.withReversedCJKBigram). */
  function reversedCJKBigram(term) {
    var chars = Array.from(term);
    if (chars.length !== 2 || !isCJK(chars[0].codePointAt(0)) || !isCJK(chars[1].codePointAt(0))) return null;
    return chars[1] + chars[0];
  }

  /**
   * The common Chinese characters by sound (ChineseHomophones.swift): each character → its one or
   * two sounds, each written as U+E000 + the number of its group, from the groups the index
   * carries (separated by spaces, in order).
   */
  function parseSounds(table) {
    var sounds = new Map();
    String(table || '').split(' ').forEach(function (group, number) {
      var sound = String.fromCharCode(0xE000 + number);
      Array.from(group).forEach(function (ch) {
        var list = sounds.get(ch);
        if (!list) sounds.set(ch, list = []);
        list.push(sound);
      });
    });
    return sounds;
  }

  /**
   * The dictionary's prefixes for the pairs that sound like `pair`: '\u0001' and a sound of each
   * character, every combination in the order of the groups; none unless two common characters.
   */
  function soundKeys(sounds, pair) {
    var chars = Array.from(pair);
    if (chars.length !== 2) return [];
    var keys = [];
    (sounds.get(chars[0]) || []).forEach(function (one) {
      (sounds.get(chars[1]) || []).forEach(function (two) { keys.push('\u0001' + one + two); });
    });
    return keys;
  }

  /** The whole index in memory: term → postings, built once per index object. */
  var memoryStores = typeof WeakMap === 'function' ? new WeakMap() : null;

  function memoryStore(index) {
    var known = memoryStores && memoryStores.get(index);
    if (known) return known;
    var ranking = prepareRanking(index);
    var docs = ((index && index.articles) || []).filter(Boolean).slice().sort(rankingOrder);
    var analysed = docs.map(documentTerms);
    var averages = FIELDS.map(function (_, f) {
      var total = 0;
      analysed.forEach(function (d) { total += d.lengths[f]; });
      return roundedAverage(total, docs.length);
    });
    var raw = new Map();
    var wordTerms = new Map();
    analysed.forEach(function (d, i) {
      d.terms.forEach(function (counts, term) {
        var list = raw.get(term);
        if (!list) raw.set(term, list = []);
        list.push([i, counts]);
      });
      d.words.forEach(function (term, word) { wordTerms.set(word, term); });
    });
    var postings = new Map();
    raw.forEach(function (list, term) {
      var dense = list.length * ranking.denseShare > docs.length;
      postings.set(term, {
        docs: list.map(function (p) { return p[0]; }),
        masks: list.map(function (p) { return p[1].mask; }),
        impacts: list.map(function (p) {
          return dense ? denseImpact(ranking, p[1].mask) : impact(ranking, averages, p[1].mask, p[1].body, analysed[p[0]].lengths);
        }),
        idf: idfOf(ranking, list.length, docs.length, isStop(ranking, term))
      });
    });
    var vocab = Array.from(postings.keys()).sort(cmp);
    var dictionary = Array.from(wordTerms.keys()).sort(cmp);

    var byId = new Map();
    docs.forEach(function (a, i) { if (a.id != null && !byId.has(String(a.id))) byId.set(String(a.id), i); });
    var claims = new Map();
    var codeMap = index && index.codes && typeof index.codes === 'object' ? index.codes : {};
    Object.keys(codeMap).forEach(function (key) {
      var list = [];
      (codeMap[key] || []).forEach(function (id) {
        var i = byId.get(String(id));
        if (i !== undefined && list.indexOf(i) < 0) list.push(i);
      });
      list.sort(function (x, y) { return x - y; });
      claims.set(key, {
        docs: list,
        messages: list.map(function (i) {
          var found = [];
          (docs[i].codes || []).forEach(function (c) {
            if (c.key === key && c.message && found.indexOf(c.message) < 0) found.push(c.message);
          });
          return found;
        }),
        quoted: list.map(function (i) {
          return (docs[i].codes || []).every(function (c) { return c.key !== key || c.quoted === true; });
        })
      });
    });
    var keys = Object.keys(codeMap);
    var store = {
      meta: {
        ranking: ranking,
        documents: docs.length,
        absentIDF: idfOf(ranking, 0, docs.length, false),
        site: (index && index.site) || {},
        groups: prepareGroups(index && index.synonyms),
        synonymForms: null,
        messageKeys: prepareMessageKeys(keys),
        exampleCode: keys.slice().sort(cmp).filter(function (k) { return /^0x/.test(k); })[0] || keys.sort(cmp)[0] || ''
      },
      ensureKeys: function () { return resolved; },
      ensurePrefix: function () { return resolved; },
      ensureDocs: function () { return resolved; },
      postings: function (token) { return postings.get(token); },
      claims: function (key) { return claims.get(key); },
      facet: function (kind, value) {
        var out = [];
        docs.forEach(function (a, i) {
          var ok = kind === 'c' ? (a.categoryTitle || a.category) === value : (a.tags || []).indexOf(value) >= 0;
          if (ok) out.push(i);
        });
        return out;
      },
      words: function (prefix, max) { return wordsFrom(vocab, prefix, max); },
      ensureDictionary: function () { return resolved; },
      // (how common English words are comes with the split index only: search-index.json
      // corrects every word that no article holds)
      ensureEnglish: function () { return resolved; },
      isEnglishWord: function () { return false; },
      ensureChinese: function () { return resolved; },
      chineseCount: function () { return 0; },
      // (the words by sound come with the split index only: search-index.json does not correct by sound)
      homophones: function () { return Promise.resolve(null); },
      dictionary: function (prefix) {
        var out = [];
        for (var i = lowerBound(dictionary, prefix); i < dictionary.length; i++) {
          var w = dictionary[i];
          if (w.slice(0, prefix.length) !== prefix) break;
          var term = wordTerms.get(w);
          out.push({ word: w, term: term, frequency: postings.get(term).docs.length });
        }
        return out;
      },
      doc: function (d) { return docs[d]; }
    };
    if (memoryStores) memoryStores.set(index, store);
    return store;
  }

  /** The key of a result filter's documents: kind "c" (category title) or "t" (tag). */
  function facetKey(kind, value) { return '$' + kind + value; }

  /** Up to `max` words of sorted `vocab` that start with `prefix` (the prefix itself excluded). */
  function wordsFrom(vocab, prefix, max) {
    var out = [];
    for (var i = lowerBound(vocab, prefix); i < vocab.length && out.length < max; i++) {
      var w = vocab[i];
      if (w.slice(0, prefix.length) !== prefix) break;
      if (w !== prefix) out.push(w);
    }
    return out;
  }

  // The split index's text encodings (ShardEncoding.swift writes them).
  var ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var DIGIT = (function () {
    var table = {};
    for (var i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
    return table;
  })();

  /** Numbers in 5-bit groups, low group first; a digit ≥ 32 says another group follows. */
  function decodeNumbers(text) {
    var out = [];
    var value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit === undefined) throw new Error('bad search shard');
      if (digit >= 32) {
        value += (digit - 32) * Math.pow(2, shift);
        shift += 5;
      } else {
        out.push(value + digit * Math.pow(2, shift));
        value = 0;
        shift = 0;
      }
    }
    return out;
  }

  /** Ascending documents: gaps minus one, or `~` and a bitmap of six documents a digit. */
  function decodeDocs(text) {
    var out = [];
    if (text.charAt(0) === '~') {
      for (var i = 1; i < text.length; i++) {
        var bits = DIGIT[text.charCodeAt(i)];
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) out.push((i - 1) * 6 + b);
      }
      return out;
    }
    var previous = -1;
    decodeNumbers(text).forEach(function (gap) { previous += gap + 1; out.push(previous); });
    return out;
  }

  /** The last run whose first key is ≤ key (-1 when none is). */
  function runOf(firstKeys, key) {
    var lo = 0, hi = firstKeys.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (firstKeys[mid] <= key) lo = mid + 1; else hi = mid; }
    return lo - 1;
  }

  /**
   * The split index: `meta` is window.FIXBOOK_INDEX from assets/search-index.js; `load(name)`
   * returns a promise of the data of assets/search/<name>.js ("t/3", "d/42").
   */
  function shardStore(meta, load) {
    var ranking = prepareRanking(meta);
    var firstKeys = (meta && meta.shards) || [];
    var shards = new Map(); // number → promise of { data, words }
    var ready = new Map(); // number → { data, words }
    var docs = new Map(); // number → promise
    var loadedDocs = new Map();
    var decoded = new Map();

    function shardOf(key) { return runOf(firstKeys, key); }
    function loadShard(n) {
      if (n < 0 || n >= firstKeys.length) return resolved;
      var p = shards.get(n);
      if (!p) {
        p = load('t/' + n).then(function (data) {
          var words = Object.keys(data || {}).filter(function (k) { return /^[^#$]/.test(k); }).sort(cmp);
          ready.set(n, { data: data || {}, words: words });
        });
        shards.set(n, p);
      }
      return p;
    }
    function lookup(key) {
      var shard = ready.get(shardOf(key));
      return shard && own(shard.data, key) ? shard.data[key] : undefined;
    }
    function cached(key, decode) {
      if (decoded.has(key)) return decoded.get(key);
      var raw = lookup(key);
      var value = raw === undefined ? undefined : decode(raw);
      if (raw !== undefined) decoded.set(key, value);
      return value;
    }
    // The dictionary of corrections, in runs (assets/search/w/N.js) with their first words.
    var wordKeys = (meta && meta.words) || [];
    // The words that general English commonly uses, in runs (assets/search/e/N.js) with their
    // first words; in a Chinese help center, the words of two characters with how often Chinese
    // writes each (assets/search/z/N.js).
    var english = wordList('e', (meta && meta.english) || []);
    var chinese = wordList('z', (meta && meta.chinese) || []);
    var dictionaryLoads = new Map();
    var homophones = null;
    var dictionaryRuns = new Map();
    function dictionaryShardOf(word) { return runOf(wordKeys, word); }
    function loadDictionary(n) {
      var p = dictionaryLoads.get(n);
      if (!p) {
        p = load('w/' + n).then(function (data) {
          dictionaryRuns.set(n, { data: data || {}, words: Object.keys(data || {}).sort(cmp) });
        });
        dictionaryLoads.set(n, p);
      }
      return p;
    }
    /** A word list in runs of `folder` with their first words `keys`: each run loads once, when a word it would hold is asked for. */
    function wordList(folder, keys) {
      var loads = new Map(), runs = new Map();
      return {
        ensure: function (words) {
          var wanted = new Set();
          words.forEach(function (w) { if (runOf(keys, w) >= 0) wanted.add(runOf(keys, w)); });
          return Promise.all(Array.from(wanted).map(function (n) {
            if (!loads.has(n)) loads.set(n, load(folder + '/' + n).then(function (data) { runs.set(n, data || {}); }));
            return loads.get(n);
          }));
        },
        /** The value of `word` once its run is loaded, or undefined. */
        value: function (word) {
          var run = runs.get(runOf(keys, word));
          return run && own(run, word) ? run[word] : undefined;
        }
      };
    }
    function prefixWords(prefix, max) {
      var out = [];
      for (var n = Math.max(0, shardOf(prefix)); n < firstKeys.length && out.length < max; n++) {
        var shard = ready.get(n);
        if (!shard) break;
        var words = wordsFrom(shard.words, prefix, max - out.length);
        out = out.concat(words);
        if (n + 1 < firstKeys.length && firstKeys[n + 1].slice(0, prefix.length) !== prefix) break;
      }
      return out;
    }

    return {
      meta: {
        ranking: ranking,
        documents: (meta && meta.documents) || 0,
        absentIDF: (meta && meta.absentIDF) || 1,
        site: (meta && meta.site) || {},
        groups: prepareGroups(meta && meta.synonyms),
        synonymForms: null,
        messageKeys: prepareMessageKeys((meta && meta.messageKeys) || []),
        exampleCode: (meta && meta.exampleCode) || ''
      },
      ensureKeys: function (keys) {
        var wanted = new Set();
        keys.forEach(function (k) { wanted.add(shardOf(k)); });
        return Promise.all(Array.from(wanted).map(loadShard));
      },
      /** Loads shards from the prefix on, until `max` words after it are known or the run ends. */
      ensurePrefix: function (prefix, max) {
        var n = Math.max(0, shardOf(prefix));
        function step() {
          return loadShard(n).then(function () {
            var enough = prefixWords(prefix, max + 1).length > max;
            n++;
            if (enough || n >= firstKeys.length || firstKeys[n].slice(0, prefix.length) !== prefix) return;
            return step();
          });
        }
        return step();
      },
      ensureDocs: function (ids) {
        return Promise.all(ids.map(function (d) {
          var p = docs.get(d);
          if (!p) {
            p = load('d/' + d).then(function (data) { loadedDocs.set(d, data); });
            docs.set(d, p);
          }
          return p;
        }));
      },
      postings: function (token) {
        return cached(token, function (raw) {
          var list = decodeDocs(String(raw[0] || ''));
          var masks = list.map(function () { return FIELD_BODY; });
          // Masks other than body-only: pairs of (postings skipped since the last pair, mask ^ body).
          var pairs = decodeNumbers(String(raw[1] || ''));
          for (var i = 0, at = -1; i + 1 < pairs.length; i += 2) {
            at += pairs[i] + 1;
            if (at < masks.length) masks[at] = pairs[i + 1] ^ FIELD_BODY;
          }
          var impacts = decodeNumbers(String(raw[2] || ''));
          if (impacts.length !== list.length) impacts = masks.map(function (m) { return denseImpact(ranking, m); });
          return { docs: list, masks: masks, impacts: impacts, idf: Number(raw[3]) || 1 };
        });
      },
      /** A promise of the characters by sound (assets/search/homophones.js), or of null. */
      homophones: function () {
        if (!ranking.homophones) return Promise.resolve(null);
        if (!homophones) homophones = load('homophones').then(parseSounds);
        return homophones;
      },
      /** Loads the dictionary runs that hold words starting with each of `prefixes`. */
      ensureDictionary: function (prefixes) {
        var wanted = new Set();
        prefixes.forEach(function (p) {
          var first = Math.max(0, dictionaryShardOf(p));
          for (var n = first; n < wordKeys.length; n++) {
            if (n > first && wordKeys[n].slice(0, p.length) !== p) break;
            wanted.add(n);
          }
        });
        return Promise.all(Array.from(wanted).map(loadDictionary));
      },
      /** Loads the run of common English words that would hold each of `words`. */
      ensureEnglish: english.ensure,
      /** Whether general English commonly uses `word`, once ensureEnglish loaded its run. */
      isEnglishWord: function (word) { return english.value(word) !== undefined; },
      /** Loads the run of Chinese words that would hold each of `words` (pairs of characters). */
      ensureChinese: chinese.ensure,
      /** How many times jieba's corpus writes `word` (0 under 10), once ensureChinese loaded its run. */
      chineseCount: function (word) { return chinese.value(word) || 0; },
      dictionary: function (prefix) {
        var out = [];
        var first = Math.max(0, dictionaryShardOf(prefix));
        for (var n = first; n < wordKeys.length; n++) {
          var run = dictionaryRuns.get(n);
          if (!run || (n > first && wordKeys[n].slice(0, prefix.length) !== prefix)) break;
          for (var i = lowerBound(run.words, prefix); i < run.words.length; i++) {
            var w = run.words[i];
            if (w.slice(0, prefix.length) !== prefix) break;
            var value = run.data[w];
            out.push({ word: w, term: value[0] || w, frequency: value[1] });
          }
        }
        return out;
      },
      claims: function (key) {
        return cached('#' + key, function (raw) {
          var list = decodeDocs(String(raw[0] || ''));
          var texts = raw[1] || [];
          var numbers = decodeNumbers(String(raw[2] || ''));
          var at = 0;
          var quoted = [];
          var messages = list.map(function () {
            var count = numbers[at++] || 0;
            quoted.push(count % 2 === 1);
            count = Math.floor(count / 2);
            var mine = numbers.slice(at, at + count).map(function (i) { return String(texts[i]); });
            at += count;
            return mine;
          });
          return { docs: list, messages: messages, quoted: quoted };
        });
      },
      facet: function (kind, value) {
        return cached(facetKey(kind, value), function (raw) { return decodeDocs(String(raw[0] || '')); }) || [];
      },
      words: prefixWords,
      doc: function (d) { return loadedDocs.get(d); }
    };
  }

  /**
   * load(name) for the browser: a <script> for assets/search/<name>.js (works from file://),
   * which calls FixbookSearchData(name, data).
   */
  var waiting = new Map();
  function scriptLoader(doc, base) {
    return function (name) {
      return new Promise(function (resolve, reject) {
        var list = waiting.get(name);
        if (!list) waiting.set(name, list = []);
        list.push(resolve);
        var s = doc.createElement('script');
        s.src = base + 'assets/search/' + name + '.js';
        s.async = true;
        s.onerror = function () { waiting.delete(name); reject(new Error('search data ' + name + ' did not load')); };
        s.onload = function () { s.remove(); };
        doc.head.appendChild(s);
      });
    };
  }
  function receive(name, data) {
    var list = waiting.get(String(name));
    if (!list) return;
    waiting.delete(String(name));
    list.forEach(function (resolve) { resolve(data); });
  }

  // ---------------------------------------------------------------- query

  function containsRun(haystack, needle) {
    outer: for (var i = 0; i + needle.length <= haystack.length; i++) {
      for (var j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  }

  function lowerBound(arr, x) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /**
   * The part of `query` that is searched: its first ranking.maximumQueryLength code points (a
   * pasted page of text would otherwise take seconds; SearchRanking.searchedPart).
   */
  function searchedPart(ranking, query) {
    var maximum = ranking.maximumQueryLength;
    query = String(query == null ? '' : query);
    // (a UTF-16 length within the limit holds no more code points than that)
    if (query.length <= maximum) return query;
    var end = 0;
    for (var count = 0; count < maximum && end < query.length; count++) {
      end += query.codePointAt(end) > 0xFFFF ? 2 : 1;
    }
    return query.slice(0, end);
  }

  /**
   * Cuts the query into concepts: { weight, full: [[token]], half: [[token]], terms: [string], and, filled
   * later, completions: [term], characters: [[term] per character searched alone], searched: [character] }.
   * `full`/`half` are alternative phrases: a field matches a phrase when it has all its tokens.
   * Prefix completions are added later, by expandPrefixes, once the words are loaded.
   */
  function parseQuery(meta, query, options) {
    var raw = normalize(searchedPart(meta.ranking, query));
    var norm = collapse(raw);
    var typing = !(options && options.prefix === false) && !/\s$/.test(raw);
    var allTokens = tokenizeNormalized(norm);

    // Synonym occurrences, as typed, with one word in between (`gapped`) or in other forms of
    // their words: longest first, then leftmost, no overlaps.
    var occ = [];
    meta.groups.forEach(function (g, gi) {
      g.forEach(function (w) {
        var from = 0, at;
        while ((at = norm.indexOf(w, from)) !== -1) {
          if (boundaryOK(norm, at, at + w.length)) occ.push({ start: at, end: at + w.length, group: gi, word: w, gap: null });
          from = at + 1;
        }
        gapped(w, norm).forEach(function (o) {
          occ.push({ start: o.start, end: o.end, group: gi, word: w, gap: o.gap });
        });
      });
    });
    if (!meta.synonymForms) meta.synonymForms = prepareSynonymForms(meta.groups);
    synonymForms(meta.synonymForms, norm).forEach(function (o) {
      occ.push({ start: o.start, end: o.end, group: o.group, word: o.word, gap: null });
    });
    occ.sort(function (a, b) {
      return b.word.length - a.word.length || a.start - b.start || a.group - b.group || a.end - b.end;
    });
    var picked = [];
    occ.forEach(function (o) {
      for (var i = 0; i < picked.length; i++) if (o.start < picked[i].end && picked[i].start < o.end) return;
      picked.push(o);
    });
    picked.sort(function (a, b) { return a.start - b.start; });

    var scopes = negatedScopes(meta.ranking, norm);
    var negating = false;
    var concepts = [];
    var seen = new Map();
    function push(c) {
      c.negated = negating;
      var sig = JSON.stringify([c.full, c.half]);
      // (a word said twice, once negated, is a word of the question)
      if (seen.has(sig)) { var known = concepts[seen.get(sig)]; known.negated = known.negated && c.negated; return; }
      seen.set(sig, concepts.length);
      concepts.push(c);
    }
    // A negated word is a piece of its own, whose concepts are negated.
    function piece(from, to, isLast) {
      var start = from;
      scopes.forEach(function (sc) {
        if (sc[0] >= to || sc[1] <= start) return;
        var lower = Math.max(sc[0], start), upper = Math.min(sc[1], to);
        if (lower > start) textPiece(norm.slice(start, lower), false);
        negating = true;
        textPiece(norm.slice(lower, upper), isLast && upper === to);
        negating = false;
        start = upper;
      });
      if (start < to || start === from) textPiece(norm.slice(start, to), isLast);
    }
    function textPiece(text, isLast) {
      // A host name, address or file name is one concept: whole, or its words in one field at
      // half score; its words are not concepts of their own.
      var toks = [];
      termsWithWords(text).forEach(function (w) {
        if (w.parts.length) toks.splice(toks.length - w.parts.length, w.parts.length);
        toks.push(w);
      });
      toks.forEach(function (w, i) {
        var t = w.term;
        var c = { full: [[t]], half: w.parts.length ? [w.parts] : [], characters: [], completions: [], searched: [], terms: [t], prefix: null, text: w.word, word: w.plain ? w.word : null, corrected: null };
        var key = codeKeyOfToken(t);
        if (key) {
          var kt = tokenize(key);
          if (kt.length && !(kt.length === 1 && kt[0] === t)) { c.full.push(kt); c.terms.push(kt.join(' ')); }
        }
        if (isLast && i === toks.length - 1 && typing && w.word.length >= meta.ranking.prefixMinimum && /^[a-z0-9]/.test(w.word) &&
            norm.slice(norm.length - w.word.length) === w.word) {
          c.prefix = w.word;
        }
        push(c);
      });
    }
    var pos = 0;
    picked.forEach(function (o) {
      piece(pos, o.start, false);
      var ownTokens = tokenizeNormalized(o.word);
      var half = [];
      meta.groups[o.group].forEach(function (w) {
        if (w === o.word) return;
        var t = tokenizeNormalized(w);
        if (t.length) half.push(t);
      });
      // (what was typed, shown struck through when a result lacks it: `alerts` for alert)
      var text = o.gap ? o.word : norm.slice(o.start, o.end);
      negating = scopes.some(function (sc) { return sc[0] <= o.start && o.start < sc[1]; });
      push({ full: [ownTokens], half: half, characters: [], completions: [], searched: [], terms: meta.groups[o.group].slice(), prefix: null, text: text, word: null, corrected: null });
      // (the word in between is a word of the query too)
      negating = false;
      if (o.gap) piece(o.gap[0], o.gap[1], false);
      pos = o.end;
    });
    piece(pos, norm.length, true);

    // Codes: pattern codes in the query, then message keys found as token runs.
    var keys = codeKeysOfTokens(allTokens);
    splitCodeKeysOfTokens(allTokens).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
    meta.messageKeys.forEach(function (m) {
      if (keys.indexOf(m.key) < 0 && containsRun(allTokens, m.tokens)) keys.push(m.key);
    });

    return { norm: norm, tokens: allTokens, concepts: concepts, codeKeys: keys, negated: scopes };
  }

  /** Prefix completions of the last token (scored by the share typed, then halved), and synonym groups (half score). */
  function expandPrefixes(store, q) {
    q.concepts.forEach(function (c) {
      if (!c.prefix) return;
      c.completions = store.words(c.prefix, store.meta.ranking.prefixMaximumWords);
      // A synonym word that starts with the prefix brings its whole group (attach → 附件).
      store.meta.groups.forEach(function (g) {
        if (!g.some(function (w) { return w !== c.prefix && w.slice(0, c.prefix.length) === c.prefix; })) return;
        g.forEach(function (w) {
          var t = tokenizeNormalized(w);
          if (t.length) c.half.push(t);
          c.terms.push(w);
        });
      });
    });
  }

  function conceptTokens(q) {
    var out = [];
    q.concepts.forEach(function (c) {
      c.full.concat(c.half, c.characters, [c.completions]).forEach(function (ph) { ph.forEach(function (t) { out.push(t); }); });
    });
    return out;
  }

  /**
   * Scores by document number, for every document of the index at once: a query over a large
   * help center touches tens of thousands, and a Map entry (or object) for each costs more in
   * garbage collection than the scoring itself. A score is never 0 (see termIDF and impact), so
   * 0 means "not matched"; `touched` lists the documents in the order they were first scored.
   */
  function DocScores(documents) {
    this.values = new Float64Array(documents);
    this.touched = [];
  }
  DocScores.prototype.keepLarger = function (d, score) {
    var known = this.values[d];
    if (known === 0) this.touched.push(d);
    if (known < score) this.values[d] = score;
  };

  /**
   * Into `into` (DocScores): per document, the best score of `tokens` where one field holds them
   * all, the sum of each token's inverse document frequency times its impact, times `scale`.
   */
  function phraseScores(store, tokens, into, scale) {
    if (scale === undefined) scale = 1;
    var acc = null;
    var uniq = uniqueOf(tokens);
    if (uniq.length === 1) {
      // one token, the common case: no field to share, no intermediate map
      var only = store.postings(uniq[0]);
      if (!only) return;
      for (var k = 0; k < only.docs.length; k++) into.keepLarger(only.docs[k], only.idf * only.impacts[k] * scale);
      return;
    }
    for (var i = 0; i < uniq.length; i++) {
      var list = store.postings(uniq[i]);
      if (!list) return;
      var next = new Map();
      for (var j = 0; j < list.docs.length; j++) {
        var d = list.docs[j];
        var m = list.masks[j];
        var value = list.idf * list.impacts[j];
        if (acc === null) next.set(d, { mask: m, sum: value });
        else {
          var prev = acc.get(d);
          if (prev !== undefined && (prev.mask & m)) next.set(d, { mask: prev.mask & m, sum: prev.sum + value });
        }
      }
      acc = next;
      if (!acc.size) return;
    }
    if (!acc) return;
    acc.forEach(function (found, d) { into.keepLarger(d, found.sum * scale); });
  }

  /** `tokens` without repeats, in order. */
  function uniqueOf(tokens) {
    var uniq = [];
    tokens.forEach(function (t) { if (uniq.indexOf(t) < 0) uniq.push(t); });
    return uniq;
  }

  /**
   * A character searched alone: per document the best impact among the terms that hold it, times
   * the IDF of the articles that hold any of them (全, in 安全 and 全部, weighs little).
   */
  function characterScores(store, terms, into) {
    var best = new DocScores(store.meta.documents);
    terms.forEach(function (t) {
      var list = store.postings(t);
      if (!list) return;
      for (var k = 0; k < list.docs.length; k++) best.keepLarger(list.docs[k], list.impacts[k]);
    });
    var idf = idfOf(store.meta.ranking, best.touched.length, store.meta.documents, false);
    best.touched.forEach(function (d) { into.keepLarger(d, idf * best.values[d]); });
  }

  /**
   * The words that complete `prefix`, each at its score × prefix length / word length (UTF-16
   * units, as Pagefind weighs them): a rare long word the typing may lead to does not outweigh
   * the finished words of the query.
   */
  function completionScores(store, prefix, words, into) {
    words.forEach(function (w) {
      var list = store.postings(w);
      if (!list) return;
      var share = prefix.length / w.length;
      for (var k = 0; k < list.docs.length; k++) into.keepLarger(list.docs[k], list.idf * list.impacts[k] * share);
    });
  }

  /**
   * Whether a code key of the query is a message (Relay access denied) that an article gives for
   * another code of the query it claims (554): a bounce line's code and its message are one piece
   * of evidence, which that code's hit and message boost count, not a second code hit. (An article
   * claims the message as a code of its own too, so that the message alone finds it.)
   */
  function repeatedMessages(store, codeKeys) {
    var messageTokens = new Map();
    store.meta.messageKeys.forEach(function (m) { messageTokens.set(m.key, m.tokens.join(' ')); });
    // Only the articles that claim a message of the query (550 alone: none) read their messages.
    var claimers = new Set();
    codeKeys.forEach(function (key) {
      var claims = messageTokens.has(key) && store.claims(key);
      if (claims) claims.docs.forEach(function (d) { claimers.add(d); });
    });
    if (!claimers.size) return function () { return false; };
    var given = new Map(); // article → [{ key, message tokens joined by spaces }]
    codeKeys.forEach(function (key) {
      var claims = store.claims(key);
      if (!claims) return;
      claims.docs.forEach(function (d, i) {
        if (claims.quoted[i] || !claimers.has(d)) return;
        if (!given.has(d)) given.set(d, []);
        claims.messages[i].forEach(function (m) { given.get(d).push({ key: key, tokens: tokenize(m).join(' ') }); });
      });
    });
    return function (key, d) {
      var tokens = messageTokens.get(key);
      return tokens !== undefined && (given.get(d) || []).some(function (g) { return g.key !== key && g.tokens === tokens; });
    };
  }

  function uniqueTokens(text) {
    var out = [];
    tokenize(text).forEach(function (t) { if (out.indexOf(t) < 0) out.push(t); });
    return out;
  }

  function ranksBefore(x, y) {
    return (y.score - x.score) || x.doc - y.doc;
  }

  /** The stored inverse document frequency of a term, or that of a term no article holds. */
  function termIDF(store, term) {
    var list = store.postings(term);
    if (list) return list.idf;
    var ranking = store.meta.ranking;
    return isStop(ranking, term) ? Math.max(1, Math.round(store.meta.absentIDF * ranking.stopFactor)) : store.meta.absentIDF;
  }

  /** Whether any alternative of concept `c` is held by an article. */
  function conceptMatches(store, c) {
    if (c.completions.some(function (w) { return store.postings(w); })) return true;
    return c.full.concat(c.half).some(function (ph) {
      if (!ph.every(function (t) { return store.postings(t); })) return false;
      if (ph.length === 1) return true;
      var found = new DocScores(store.meta.documents);
      phraseScores(store, ph, found);
      return found.touched.length > 0;
    });
  }

  /** The characters of a one-CJK-term concept as typed (a pair corrected by sound: as typed). */
  function typedCharacters(c) {
    return c.soundsLike ? Array.from(c.text) : cjkCharacters(c);
  }

  /** The characters of a concept that is one CJK term (a bigram or a lone character), or null. */
  function cjkCharacters(c) {
    if (c.full.length !== 1 || c.full[0].length !== 1) return null;
    var chars = Array.from(c.full[0][0]);
    if (chars.length < 1 || chars.length > 2) return null;
    for (var i = 0; i < chars.length; i++) if (!isCJK(chars[i].codePointAt(0))) return null;
    return chars;
  }

  /**
   * The CJK characters of the words of the query that some article holds, and those of a pair
   * corrected by sound as typed (建不 of 附建不见了 is a pair across the corrected word).
   */
  function coveredCharacters(store, q) {
    var covered = new Set();
    q.concepts.forEach(function (c) {
      if (c.soundsLike) Array.from(c.soundsLike).forEach(function (ch) { covered.add(ch); });
      if (!conceptMatches(store, c)) return;
      c.full.forEach(function (ph) {
        ph.forEach(function (t) {
          Array.from(t).forEach(function (ch) { if (isCJK(ch.codePointAt(0))) covered.add(ch); });
        });
      });
    });
    return covered;
  }

  /**
   * The word of the articles that sounds like `typed` (its characters; under one of `keys`) and
   * differs from it in one character, which `covered` does not hold: the one in most articles,
   * then the first found, key by key; { entry, changed } with the position of the character
   * changed, or null (SearchEngine.homophone).
   */
  function homophone(store, typed, keys, covered) {
    var best = null;
    keys.forEach(function (key) {
      store.dictionary(key).forEach(function (candidate) {
        var chars = Array.from(candidate.term);
        if (chars.length !== 2) return;
        var changed = [0, 1].filter(function (i) { return chars[i] !== typed[i]; });
        if (changed.length !== 1 || covered.has(typed[changed[0]])) return;
        if (best && candidate.frequency <= best.entry.frequency) return;
        best = { entry: candidate, changed: changed[0] };
      });
    });
    return best;
  }

  /**
   * Where a typed word's dictionary words are looked for (SearchEngine.typoPrefixes): its first two
   * letters, the two swapped, and its first and third (fliter → filter).
   */
  function typoPrefixes(word) {
    var prefixes = [word.slice(0, 2)];
    function add(prefix) { if (prefixes.indexOf(prefix) < 0) prefixes.push(prefix); }
    if (word.length >= 2) add(word.charAt(1) + word.charAt(0));
    if (word.length >= 3) add(word.charAt(0) + word.charAt(2));
    return prefixes;
  }

  /** Whether one word is the other with one letter doubled (realy and really): see correction(). */
  function differByADoubledLetter(a, b) {
    var short = a.length < b.length ? a : b, long = a.length < b.length ? b : a;
    if (long.length !== short.length + 1) return false;
    var i = 0;
    while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
    var doubles = (i > 0 && long.charCodeAt(i - 1) === long.charCodeAt(i)) ||
      (i + 1 < long.length && long.charCodeAt(i + 1) === long.charCodeAt(i));
    return doubles && short.slice(i) === long.slice(i + 1);
  }

  /**
   * Concepts that may be corrected: a plain word, long enough, that no article holds; the first
   * typoCheckedWords of them (those that general English commonly uses are taken out later).
   */
  function correctable(store, q) {
    return q.concepts.filter(function (c) {
      return c.word && c.full.length === 1 && c.word.length >= store.meta.ranking.typoOneEdit && !conceptMatches(store, c);
    }).slice(0, store.meta.ranking.typoCheckedWords);
  }

  /**
   * Optimal string alignment distance of a and b when at most `limit`, else -1: insertions,
   * deletions, substitutions and swaps of two neighbours count one (EditDistance.swift).
   */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return -1;
    if (!a.length || !b.length) return Math.max(a.length, b.length);
    var before = [], prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) { prev.push(j); before.push(0); cur.push(0); }
    for (var i = 1; i <= a.length; i++) {
      cur[0] = i;
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
          v = Math.min(v, before[j - 2] + 1);
        }
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > limit) return -1;
      var spare = before;
      before = prev;
      prev = cur;
      cur = spare;
    }
    return prev[b.length] <= limit ? prev[b.length] : -1;
  }

  /** The dictionary word a misspelled word stands for (SearchEngine.correct), or null. */
  function correction(store, c) {
    var ranking = store.meta.ranking;
    // edits allowed between two words, counted on the shorter (-1: none, not even equal)
    function editLimit(a, b) {
      var shorter = Math.min(a.length, b.length);
      return shorter >= ranking.typoTwoEdits ? 2 : shorter >= ranking.typoOneEdit ? 1 : -1;
    }
    // the word's stem against the articles' stems too (arrving: one edit from the stem of arrive)
    var stem = c.full[0][0];
    var best = null, bestDistance = 0, bestSpelled = 0, bestDoubled = false;
    typoPrefixes(c.word).forEach(function (prefix) {
      store.dictionary(prefix).forEach(function (candidate) {
        var byWord = editDistance(c.word, candidate.word, editLimit(c.word, candidate.word));
        var byStem = editDistance(stem, candidate.term, editLimit(stem, candidate.term));
        var distance = byWord < 0 ? byStem : byStem < 0 ? byWord : Math.min(byWord, byStem);
        if (distance <= 0) return;
        // of the forms of one stem, the one nearest to what was typed (blocked, not block); a
        // word beyond its limit counts 3, more than any limit
        var spelled = byWord < 0 ? 3 : byWord;
        var doubled = differByADoubledLetter(c.word, candidate.word);
        if (best) {
          if (distance !== bestDistance) {
            if (distance > bestDistance) return;
          } else if (spelled !== bestSpelled) {
            if (spelled > bestSpelled) return;
          } else if (doubled !== bestDoubled) {
            if (!doubled) return;
          } else if (candidate.frequency !== best.frequency) {
            if (candidate.frequency < best.frequency) return;
          } else if (!(candidate.word < best.word)) {
            return;
          }
        }
        best = candidate;
        bestDistance = distance;
        bestSpelled = spelled;
        bestDoubled = doubled;
      });
    });
    return best;
  }

  /**
   * An enhanced status code of the query that no article claims (`unexplained`: 5.7.26, a DMARC
   * refusal) says the bounce is one this help center does not explain, so its reply code (550) is
   * a code hit only in the articles whose words hold one of those codes (the set returned, or null
   * when every reply code counts as usual) or whose claim of it the query quotes (its message
   * boost reaches the quote minimum), as replyCodeHolders in SearchEngine.swift.
   */
  function replyCodeHoldersOf(q, matchedBy, unexplained) {
    if (!unexplained.length) return null;
    var holders = new Set();
    q.concepts.forEach(function (c, i) {
      var holds = c.full.some(function (ph) {
        return ph.some(function (t) { return unexplained.indexOf(t) >= 0; });
      });
      if (holds) matchedBy[i][0].touched.forEach(function (d) { holders.add(d); });
    });
    return holders;
  }

  /**
   * Scores from the postings alone: { ranked: [{doc, score, fraction, missing, codeKeys}] unsorted,
   * partial }. See the header, 4.
   */
  function score(store, q) {
    var ranking = store.meta.ranking;
    var documents = store.meta.documents;
    var totalWeight = 0;
    var terms = new Float64Array(documents);
    var matched = new Float64Array(documents);
    var seen = new Uint8Array(documents);
    var touched = [];
    function touch(d) {
      if (seen[d]) return;
      seen[d] = 1;
      touched.push(d);
    }
    // per concept, the documents it matched: what a result lacks is read from these
    var matchedBy = q.concepts.map(function (c) {
      var full = new DocScores(documents), half = new DocScores(documents);
      c.full.forEach(function (ph) { phraseScores(store, ph, full); });
      // An alternative is worth at most what the words typed are worth (as SearchEngine.swift).
      var typed = 0;
      c.full[0].forEach(function (t) { typed += termIDF(store, t); });
      c.half.forEach(function (ph) {
        var worth = 0;
        uniqueOf(ph).forEach(function (t) { worth += termIDF(store, t); });
        phraseScores(store, ph, half, worth > typed ? typed / worth : 1);
      });
      c.characters.forEach(function (list) { characterScores(store, list, half); });
      if (c.prefix) completionScores(store, c.prefix, c.completions, half);
      var said = c.negated ? ranking.negatedFactor : 1;
      var weight = 0;
      c.full[0].forEach(function (t) { weight += termIDF(store, t); });
      weight *= said;
      totalWeight += weight;
      var factor = (c.corrected ? ranking.typoFactor : 1) * said;
      full.touched.forEach(function (d) {
        touch(d);
        matched[d] += weight;
        terms[d] += Math.max(full.values[d], half.values[d] / 2) * factor;
      });
      half.touched.forEach(function (d) {
        if (full.values[d]) return;
        touch(d);
        matched[d] += weight;
        terms[d] += (half.values[d] / 2) * factor;
      });
      return [full, half];
    });

    var totals = new Float64Array(documents);
    touched.forEach(function (d) { totals[d] = terms[d] / 1000; });
    var codeKeysOf = new Map();
    var queryTokenSet = new Set(q.tokens);
    var repeatsMessage = repeatedMessages(store, q.codeKeys);
    // the message boost of claim i of key, in article d, or -1 when it is no code hit there
    var quoteBoost = ranking.messageBoost * ranking.quoteMinimum;
    function codeHit(key, claims, i, d) {
      if (repeatsMessage(key, d)) return -1;
      var best = 0;
      claims.messages[i].forEach(function (message) {
        var mt = uniqueTokens(message);
        if (!mt.length) return;
        var hits = 0;
        mt.forEach(function (t) { if (queryTokenSet.has(t)) hits++; });
        best = Math.max(best, ranking.messageBoost * hits / mt.length);
      });
      return claims.quoted[i] && best < quoteBoost ? -1 : best;
    }
    var replyCodeHolders = replyCodeHoldersOf(q, matchedBy, q.codeKeys.filter(function (key) {
      if (!ENHANCED_STATUS.test(key)) return false;
      var claims = store.claims(key);
      return !claims || !claims.docs.some(function (d, i) { return codeHit(key, claims, i, d) >= 0; });
    }));
    q.codeKeys.forEach(function (key) {
      var claims = store.claims(key);
      if (!claims) return;
      var replyCode = REPLY_CODE.test(key);
      claims.docs.forEach(function (d, i) {
        var best = codeHit(key, claims, i, d);
        if (best < 0) return;
        if (replyCode && replyCodeHolders && !replyCodeHolders.has(d) && best < quoteBoost) return;
        touch(d);
        if (!codeKeysOf.has(d)) codeKeysOf.set(d, []);
        codeKeysOf.get(d).push(key);
        totals[d] = totals[d] + ranking.codeHit + best;
      });
    });

    // Only results within minimumShare of the best can stay (the best only gains from the phrase
    // bonus), so the long tail gets no result object, unless that leaves fewer than the phrase
    // candidates, whose bonus could lift one of the tail.
    var top = 0;
    touched.forEach(function (d) { if (totals[d] > top) top = totals[d]; });
    var kept = touched.filter(function (d) { return totals[d] >= top * ranking.minimumShare; });
    if (kept.length < ranking.phraseCandidates) kept = touched;
    var ranked = kept.map(function (d) {
      var codeKeys = codeKeysOf.get(d) || [];
      var fraction = !totalWeight || codeKeys.length ? 1 : matched[d] / totalWeight;
      return { doc: d, score: totals[d], fraction: fraction, codeKeys: codeKeys };
    });
    return { ranked: ranked, matchedBy: matchedBy };
  }

  /** The concepts (as typed) that result `r` does not match; none for a code hit. */
  function missingWords(q, matchedBy, r) {
    var missing = [];
    if (r.codeKeys.length) return missing;
    // The Chinese pairs a result lacks in a row (么识 识别 of 怎么识别) show as their run of
    // characters, less a character at either end that the word next to the run in the query holds
    // and the result matches; a word matched only by characters searched alone holds only those
    // (SearchEngine.swift).
    var concepts = q.concepts;
    var matched = concepts.map(function (c, i) { return !!(matchedBy[i][0].values[r.doc] || matchedBy[i][1].values[r.doc]); });
    function add(word) { if (word && missing.indexOf(word) < 0) missing.push(word); }
    function contiguous(chars) { return q.norm.indexOf(chars.join('')) >= 0; }
    function held(i) {
      if (i < 0 || i >= concepts.length) return null;
      // a pair corrected by sound stands for its typed characters, matched or not: the pairs
      // across it (建不 of 附建不见了) are no words of their own
      if (concepts[i].soundsLike) return Array.from(concepts[i].text);
      if (!matched[i]) return null;
      return concepts[i].searched.length ? concepts[i].searched : Array.from(concepts[i].text);
    }
    var i = 0;
    while (i < concepts.length) {
      if (matched[i]) { i++; continue; }
      var first = typedCharacters(concepts[i]);
      if (!first) { add(concepts[i].text); i++; continue; }
      var run = first.slice();
      var end = i + 1;
      while (end < concepts.length && !matched[end]) {
        var next = typedCharacters(concepts[end]);
        if (!next || next.length !== 2 || next[0] !== run[run.length - 1] || !contiguous(run.concat([next[1]]))) break;
        run.push(next[1]);
        end++;
      }
      var before = held(i - 1);
      if (before) {
        var prevText = Array.from(concepts[i - 1].text);
        var last = prevText[prevText.length - 1];
        if (last === run[0] && before.indexOf(last) >= 0 && contiguous(prevText.concat(run.slice(1)))) run.shift();
      }
      var after = held(end);
      if (run.length && after) {
        var nextText = Array.from(concepts[end].text);
        var head = nextText[0];
        if (head === run[run.length - 1] && after.indexOf(head) >= 0 && contiguous(run.slice(0, -1).concat(nextText))) run.pop();
      }
      add(run.join(''));
      i = end;
    }
    // a size the result lacks whole (25mb) shows once, not as its number and then itself
    return missing.filter(function (word, i) {
      var next = missing[i + 1];
      return !(next && next.indexOf(word) === 0 && own(SIZE_UNITS, next.slice(word.length)));
    });
  }

  /**
   * Words near each other: the whole query in the title, a symptom or the body, the longest
   * stretch of it the article quotes, and the pairs of its words the article holds.
   */
  function phraseBonus(ranking, article, phrase, pieces, pairs) {
    var fields = articleFields(article);
    var title = fields.title, symptoms = fields.symptoms, body = fields.body;
    var bonus = 0;
    if (title.indexOf(phrase) >= 0) bonus += ranking.phraseTitle;
    if (symptoms.some(function (s) { return s.indexOf(phrase) >= 0; })) bonus += ranking.phraseSymptom;
    if (body.indexOf(phrase) >= 0) bonus += ranking.phraseBody;
    bonus += passageBonus(ranking, [title].concat(symptoms, [body]), pieces);
    if (pairs.length) {
      if (!fields.pairs) fields.pairs = { title: pairsHeld([title]), symptoms: pairsHeld(symptoms) };
      bonus += pairBonus(ranking, pairs, fields.pairs);
    }
    return bonus;
  }

  // An article's normalized title, symptoms and body, and the pairs of terms its title and symptoms
  // hold once a query has pairs: the next keystroke checks mostly the same articles.
  var FIELDS_OF = new WeakMap();
  function articleFields(article) {
    var fields = FIELDS_OF.get(article);
    if (!fields) {
      fields = { title: normalize(article.title), symptoms: (article.symptoms || []).map(normalize), body: normalize(article.text), pairs: null };
      FIELDS_OF.set(article, fields);
    }
    return fields;
  }

  /**
   * The distinct pairs of adjacent terms within each segment (the query's terms, misspellings
   * corrected, cut where a negated word was) that count: not both stop words, neither pairless
   * nor Chinese (AdjacentWords.pairs).
   */
  function adjacentPairs(ranking, segments) {
    var pairs = [], seen = new Set();
    var chinese = function (term) { return Array.from(term).some(function (c) { return isCJK(c.codePointAt(0)); }); };
    segments.forEach(function (terms) {
      for (var i = 0; i + 1 < terms.length; i++) {
        var a = terms[i], b = terms[i + 1];
        if (a === b || (isStop(ranking, a) && isStop(ranking, b)) || chinese(a) || chinese(b)) continue;
        if (ranking.pairless.has(a) || ranking.pairless.has(b)) continue;
        var pair = a + '\u0001' + b;
        if (seen.has(pair)) continue;
        seen.add(pair);
        pairs.push(pair);
      }
    });
    return pairs;
  }

  /** pairTitle, else pairSymptom, per pair held next to each other (AdjacentWords.bonus). */
  function pairBonus(ranking, pairs, held) {
    var bonus = 0;
    pairs.forEach(function (pair) {
      if (held.title.has(pair)) bonus += ranking.pairTitle;
      else if (held.symptoms.has(pair)) bonus += ranking.pairSymptom;
    });
    return bonus;
  }

  /** The pairs of adjacent terms that one of `texts` holds (AdjacentWords.held). */
  function pairsHeld(texts) {
    var held = new Set();
    texts.forEach(function (text) {
      var terms = tokenizeNormalized(text);
      for (var i = 0; i + 1 < terms.length; i++) held.add(terms[i] + '\u0001' + terms[i + 1]);
    });
    return held;
  }

  /**
   * The pieces of the normalized query between its spaces, and between the punctuation marks next
   * to a CJK character (a Chinese dialog has no spaces): QuotedPassage.pieces.
   */
  function passagePieces(phrase) {
    var points = Array.from(phrase).map(function (c) { return c.codePointAt(0); });
    var pieces = [], current = '';
    points.forEach(function (cp, i) {
      var space = cp === 0x20 || cp === 0x09 || cp === 0x0A || cp === 0x0D;
      var mark = isPassageMark(cp) && ((i > 0 && isCJK(points[i - 1])) || (i + 1 < points.length && isCJK(points[i + 1])));
      if (space || mark) {
        if (current) pieces.push(current);
        current = '';
      } else {
        current += String.fromCodePoint(cp);
      }
    });
    if (current) pieces.push(current);
    return pieces;
  }

  /** ASCII punctuation, CJK punctuation and curly quotes, as NFKC leaves them (QuotedPassage.isMark). */
  function isPassageMark(cp) {
    return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
      (cp >= 0x7B && cp <= 0x7E) || (cp >= 0x2018 && cp <= 0x201F) || cp === 0x2026 ||
      (cp >= 0x3000 && cp <= 0x303F && !isCJK(cp)) || (cp >= 0xFF5F && cp <= 0xFF65);
  }

  /** UTF-16 units, a CJK character counting three (QuotedPassage.utf16Length). */
  function passageLength(text) {
    var units = 0;
    Array.from(text).forEach(function (c) {
      var cp = c.codePointAt(0);
      units += isCJK(cp) ? 3 : cp > 0xFFFF ? 2 : 1;
    });
    return units;
  }

  /**
   * A pasted dialog or bounce line rarely occurs whole in an article, but a long stretch of it
   * does: `ranking.passage` times the share of the query's pieces (between spaces) in the longest
   * stretch of them, joined by single spaces and at least `passageMinimum` long, that one of
   * `fields` (the normalized title, symptoms and body) holds. As QuotedPassage.swift.
   */
  function passageBonus(ranking, fields, pieces) {
    if (!pieces.length) return 0;
    var longest = 0;
    fields.forEach(function (field) {
      // A stretch held means every shorter stretch inside it is held: `end` never goes back.
      var end = 0;
      for (var start = 0; start < pieces.length; start++) {
        end = Math.max(end, start);
        while (end < pieces.length && field.indexOf(pieces.slice(start, end + 1).join(' ')) >= 0) end++;
        if (end - start > longest && passageLength(pieces.slice(start, end).join(' ')) >= ranking.passageMinimum) {
          longest = end - start;
        }
      }
    });
    return longest === 0 ? 0 : ranking.passage * longest / pieces.length;
  }

  /** Gives results [from, to) their article, matched codes and link, loading what is missing. */
  function fillResults(store, results, from, to) {
    var slice = results.slice(from, to);
    return store.ensureDocs(slice.map(function (r) { return r.doc; })).then(function () {
      slice.forEach(function (r) {
        if (r.article) return;
        var a = store.doc(r.doc) || {};
        var matchedCodes = [];
        r.codeKeys.forEach(function (key) {
          // (a quote of a code the article claims is no code of its own to show)
          var claimed = (a.codes || []).some(function (c) { return c.key === key && !c.quoted; });
          (a.codes || []).forEach(function (c) {
            if (c.key === key && !(claimed && c.quoted) && matchedCodes.indexOf(c) < 0) matchedCodes.push(c);
          });
        });
        r.article = a;
        r.id = a.id;
        r.slug = a.slug;
        r.title = a.title || '';
        r.codes = matchedCodes;
        r.url = matchedCodes.length && matchedCodes[0].url ? matchedCodes[0].url : a.url;
      });
      return results;
    });
  }

  /**
   * Full search, a promise of { results, terms, codeKeys, concepts }. Every result has
   * { doc, score, fraction, complete, codeKeys }; the first `options.limit` (all without a limit)
   * also { id, slug, title, url, article, codes: [matched code entries] } — fillResults adds
   * those to more.
   */
  function runSearch(store, query, options) {
    var q = parseQuery(store.meta, query, options);
    var terms = [];
    var corrections = [];
    var empty = { results: [], terms: terms, codeKeys: q.codeKeys, concepts: q.concepts, query: q, corrections: corrections, partial: false };
    if (!q.concepts.length && !q.codeKeys.length) return Promise.resolve(empty);
    var keys = conceptTokens(q).concat(q.codeKeys.map(function (k) { return '#' + k; }));
    var prefixes = q.concepts.filter(function (c) { return c.prefix; }).map(function (c) {
      return store.ensurePrefix(c.prefix, store.meta.ranking.prefixMaximumWords);
    });
    var partial = false;
    var matchedBy = [];
    // misspelled words looked up so far: at most typoMaximumWords
    var attempts = 0;
    // a misspelled term → the term it was corrected to
    var correctedTerms = new Map();
    return Promise.all([store.ensureKeys(keys)].concat(prefixes)).then(function () {
      expandPrefixes(store, q);
      return store.ensureKeys(conceptTokens(q));
    }).then(function () {
      // Misspelled words: corrected from the dictionary, unless the words are wanted as typed.
      var candidates = options && options.correct === false ? [] : correctable(store, q);
      if (!candidates.length) return;
      var max = store.meta.ranking.typoMaximumWords;
      /** The dictionary runs that would hold the corrections of `concepts`. */
      function dictionaryFor(concepts) {
        var starts = [];
        concepts.forEach(function (c) { starts = starts.concat(typoPrefixes(c.word)); });
        return store.ensureDictionary(starts);
      }
      // The first candidates' dictionary runs load with the English runs, the later ones' only if
      // English words among the first leave them a look-up.
      var first = candidates.slice(0, max);
      var typed = candidates.map(function (c) { return c.word; });
      var wanted;
      return Promise.all([dictionaryFor(first), store.ensureEnglish(typed)]).then(function () {
        // (a word that English commonly uses is no misspelling, and no look-up: router is not route)
        wanted = candidates.filter(function (c) { return !store.isEnglishWord(c.word); }).slice(0, max);
        attempts = wanted.length;
        return dictionaryFor(wanted.filter(function (c) { return first.indexOf(c) < 0; }));
      }).then(function () {
        wanted.forEach(function (c) {
          var found = correction(store, c);
          if (!found) return;
          correctedTerms.set(c.full[0][0], found.term);
          c.full = [[found.term]];
          c.terms.push(found.term);
          c.corrected = found.word;
          corrections.push({ typed: c.text, corrected: found.word });
        });
        return store.ensureKeys(conceptTokens(q));
      });
    }).then(function () {
      // A Chinese pair that no article holds may be a word typed by sound with one wrong
      // character (按装 → 安装): see HOMOPHONES in the header. The pairs are taken in order, each
      // loading the dictionary runs of its own sounds and of the next pair's, so a long sentence
      // loads no more runs than the pairs looked up need.
      var ranking = store.meta.ranking;
      var max = ranking.typoMaximumWords;
      if (!ranking.homophones || (options && options.correct === false) || attempts >= max) return;
      var covered = coveredCharacters(store, q);
      var concepts = q.concepts;
      /**
       * The characters of concept c if it is a pair that matches nothing, holds one not covered
       * and is no stop word (他们, 一下: what a customer writes around the question).
       */
      function unheldPair(c) {
        var chars = c && cjkCharacters(c);
        if (!chars || chars.length !== 2 || conceptMatches(store, c) ||
          chars.every(function (ch) { return covered.has(ch); }) || ranking.stopWords.has(chars.join(''))) return null;
        return chars;
      }
      /** The typed pair of concept i and its sound keys, if it may be looked up (soundsLikePair). */
      function soundsLikePair(sounds, i) {
        var chars = unheldPair(concepts[i]);
        var keys = chars ? soundKeys(sounds, chars.join('')) : [];
        return keys.length ? { typed: chars, keys: keys } : null;
      }
      if (!concepts.some(unheldPair)) return;
      return store.homophones().then(function (sounds) {
        if (!sounds) return;
        /** The pair the changed character of pair i makes with the one on its other side (outerPair). */
        function outerPair(i, changed, typed) {
          var neighbour = concepts[changed === 0 ? i - 1 : i + 1];
          var chars = neighbour && cjkCharacters(neighbour);
          if (!chars || chars.length !== 2 || chars[changed === 0 ? 1 : 0] !== typed[changed]) return null;
          return chars.join('');
        }
        /** The pairs of concepts i - 1 to i + 1, for their counts. */
        function pairsAround(i) {
          var out = [];
          for (var j = i - 1; j <= i + 1; j++) {
            var chars = concepts[j] && cjkCharacters(concepts[j]);
            if (chars && chars.length === 2) out.push(chars.join(''));
          }
          return out;
        }
        function step(i) {
          if (i >= concepts.length || attempts >= max) return store.ensureKeys(conceptTokens(q));
          var found = soundsLikePair(sounds, i);
          if (!found) return step(i + 1);
          var next = soundsLikePair(sounds, i + 1);
          var best = null;
          return Promise.all([store.ensureDictionary(found.keys.concat(next ? next.keys : [])),
            store.ensureChinese(pairsAround(i))]).then(function () {
            attempts++;
            best = homophone(store, found.typed, found.keys, covered);
            // (a pair that Chinese commonly writes needs the count of the word found too)
            if (best && store.chineseCount(found.typed.join(''))) return store.ensureChinese([best.entry.term]);
          }).then(function () {
            if (!best) return step(i + 1);
            // A pair that Chinese commonly writes is no typo, unless the word found is a term of the
            // trade that Chinese writes far less (外遇 → 外域, not 老伴 → 老板); nor is a pair whose
            // changed character makes a common word with the one on its other side (于十 in 关于十二月).
            var typedCount = store.chineseCount(found.typed.join(''));
            if (typedCount && store.chineseCount(best.entry.term) * store.meta.ranking.commonPairMargin > typedCount) return step(i + 1);
            var outer = outerPair(i, best.changed, found.typed);
            if (outer && store.chineseCount(outer)) return step(i + 1);
            if (best.changed === 1 && next && next.typed[0] === found.typed[1]) {
              var ahead = homophone(store, next.typed, next.keys, covered);
              if (ahead && ahead.changed === 0 && ahead.entry.frequency >= best.entry.frequency) return step(i + 1);
            }
            var c = concepts[i];
            var pair = found.typed.join('');
            c.full = [[best.entry.term]];
            c.terms.push(best.entry.term);
            c.corrected = best.entry.term;
            c.soundsLike = pair;
            corrections.push({ typed: c.text, corrected: best.entry.term });
            Array.from(best.entry.term + pair).forEach(function (ch) { covered.add(ch); });
            return step(i + 1);
          });
        }
        return step(0);
      });
    }).then(function () {
      // A Chinese character that no matched word of the query holds is searched in the index's
      // words that hold it, at half score: 迟 of 迟到 finds 延迟, and a query never comes back empty.
      var covered = coveredCharacters(store, q);
      // (the first typoMaximumWords words with a character to search: a pasted paragraph does
      // not load the whole index, and the pairs a sentence has across its words, whose
      // characters are held already, use up none of them)
      var unheld = [], wanted = [];
      q.concepts.forEach(function (c) {
        if (unheld.length === store.meta.ranking.typoMaximumWords || conceptMatches(store, c)) return;
        var chars = cjkCharacters(c);
        if (!chars) return;
        var open = chars.filter(function (ch) {
          if (covered.has(ch)) return false;
          covered.add(ch);
          return true;
        });
        if (!open.length) return;
        unheld.push(c);
        wanted.push(open);
        c.searched = open;
      });
      var characters = [].concat.apply([], wanted);
      if (!characters.length) return;
      var max = store.meta.ranking.prefixMaximumWords;
      return Promise.all(characters.map(function (ch) { return store.ensurePrefix(ch, max); })
        .concat([store.ensureDictionary(characters)])).then(function () {
        unheld.forEach(function (c, i) {
          wanted[i].forEach(function (ch) {
            var found = store.words(ch, max);
            store.dictionary(ch).slice(0, max).forEach(function (entry) {
              if (found.indexOf(entry.term) < 0) found.push(entry.term);
            });
            c.characters.push(found);
          });
        });
        return store.ensureKeys(conceptTokens(q));
      });
    }).then(function () {
      // (`word`: which word of the query a term stands for, so a snippet counts each word once)
      q.concepts.forEach(function (c, i) {
        c.terms.forEach(function (t) { terms.push({ text: t, prefix: false, word: i }); });
        if (c.prefix) terms.push({ text: c.prefix, prefix: true, word: i });
      });
      q.codeKeys.forEach(function (k) { terms.push({ text: normalize(k), prefix: false, word: 'code ' + k }); });
      var scored = score(store, q);
      matchedBy = scored.matchedBy;
      var ranking = store.meta.ranking;
      var ranked = scored.ranked.sort(ranksBefore);
      if (q.tokens.length < 2) return ranked;
      var first = ranked.slice(0, ranking.phraseCandidates);
      return store.ensureDocs(first.map(function (r) { return r.doc; })).then(function () {
        var pieces = passagePieces(q.norm);
        // (what the customer says did not happen pairs with nothing: `a bounce` of "no bounce")
        var segments = [], start = 0;
        q.negated.concat([[q.norm.length, q.norm.length]]).forEach(function (scope) {
          segments.push(tokenizeNormalized(q.norm.slice(start, scope[0])).map(function (t) { return correctedTerms.get(t) || t; }));
          start = scope[1];
        });
        var pairs = adjacentPairs(ranking, segments);
        first.forEach(function (r) { r.score += phraseBonus(ranking, store.doc(r.doc) || {}, q.norm, pieces, pairs); });
        // The bonus only raises the first ones, which stay ahead of the rest: only they re-sort.
        first.sort(ranksBefore);
        return first.concat(ranked.slice(first.length));
      });
    }).then(function (ranked) {
      // The long tail of articles that hold a word or two of the query is noise.
      var floor = ranked.length ? ranked[0].score * store.meta.ranking.minimumShare : 0;
      ranked = ranked.filter(function (r) { return r.score >= floor; });
      ranked.forEach(function (r) { r.missing = missingWords(q, matchedBy, r); });
      // Never an empty page: when no article holds every word, the best partial matches show,
      // each with the words it lacks.
      partial = ranked.length > 0 && !ranked.some(function (r) { return !r.missing.length; });
      var limit = options && options.limit ? options.limit : ranked.length;
      return fillResults(store, ranked, 0, limit);
    }).then(function (results) {
      return { results: results, terms: terms, codeKeys: q.codeKeys, concepts: q.concepts, query: q, corrections: corrections, partial: partial };
    });
  }

  /** A promise of the ranked results, best first (see runSearch). */
  function search(store, query, options) {
    return runSearch(store, query, options).then(function (out) { return out.results; });
  }

  // ---------------------------------------------------------------- highlighting & snippets

  /** normalize() applied code point by code point, with a map back to the original text. */
  function normalizedWithMap(text) {
    var norm = '';
    var starts = [], ends = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      var len = cp > 0xFFFF ? 2 : 1;
      var n = cp < 0x80 ? text.charAt(i).toLowerCase()
        : cp >= 0x4E00 && cp <= 0x9FFF ? text.charAt(i) // NFKC leaves unified ideographs alone
          : normalize(text.slice(i, i + len));
      for (var k = 0; k < n.length; k++) { starts.push(i); ends.push(i + len); }
      norm += n;
      i += len;
    }
    return { norm: norm, starts: starts, ends: ends };
  }

  /**
   * Ranges [start, end) of `text` to highlight for `terms` ({text, prefix} in normalized form),
   * sorted and merged. Terms that start/end with a word character only match at word bounds.
   */
  function highlightRanges(text, terms) {
    text = String(text == null ? '' : text);
    if (!text || !terms || !terms.length) return [];
    var nm = normalizedWithMap(text);
    var s = nm.norm;
    var found = [];
    terms.forEach(function (term) {
      var t = typeof term === 'string' ? term : term.text;
      var prefix = typeof term === 'string' ? false : !!term.prefix;
      if (!t) return;
      var from = 0, at;
      while ((at = s.indexOf(t, from)) !== -1) {
        var end = at + t.length;
        var okStart = !(isWordAt(s, at) && isWordAt(s, at - 1));
        var okEnd = prefix || !(isWordAt(s, end - 1) && isWordAt(s, end));
        if (okStart && okEnd) found.push([nm.starts[at], nm.ends[end - 1]]);
        from = at + 1;
      }
    });
    // English words whose term is searched: "printing" and "printed" for the term "print".
    var wanted = new Set(terms.map(function (term) { return typeof term === 'string' ? term : term.text; }));
    var wordRe = /[a-z]+(?:['\u2019][a-z]+)*/g, m;
    while ((m = wordRe.exec(s))) {
      var last = m.index + m[0].length;
      if (isWordAt(s, m.index - 1) || isWordAt(s, last)) continue;
      if (foldWord(m[0]).terms.some(function (t) { return wanted.has(t); })) found.push([nm.starts[m.index], nm.ends[last - 1]]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  function covered(ranges) {
    var n = 0;
    ranges.forEach(function (r) { n += r[1] - r[0]; });
    return n;
  }

  function safeCut(s, i) {
    var u = s.charCodeAt(i);
    return u >= 0xDC00 && u <= 0xDFFF ? i - 1 : i;
  }

  /** { text, ranges } for a result: a symptom, a body window, or the summary. */
  function snippet(article, terms, maxLength) {
    var max = maxLength || 120;
    var best = null;
    // The terms of each word of the query (a term without `word` is a word of its own): the
    // symptom that quotes a pasted line's code and words beats one that holds a single long
    // synonym of one of them (Delivery Status Notification for bounce).
    var words = new Map();
    (terms || []).forEach(function (term) {
      var key = typeof term === 'string' || term.word === undefined ? 'term ' + (term.text || term) : term.word;
      if (!words.has(key)) words.set(key, []);
      words.get(key).push(term);
    });
    (article.symptoms || []).forEach(function (sym) {
      var text = collapse(String(sym));
      var ranges = highlightRanges(text, terms);
      var c = covered(ranges);
      if (c === 0) return;
      var held = 0;
      words.forEach(function (list) { if (highlightRanges(text, list).length) held++; });
      if (!best || held > best.held || (held === best.held && c > best.c)) best = { text: text, ranges: ranges, c: c, held: held };
    });
    if (best) return clip(best.text, best.ranges, max);
    var body = collapse(String(article.text || ''));
    var br = highlightRanges(body, terms);
    if (br.length) return clip(body, br, max);
    var summary = collapse(String(article.summary || ''));
    if (summary) return clip(summary, highlightRanges(summary, terms), max);
    return clip(body, [], max);
  }

  function clip(text, ranges, max) {
    if (text.length <= max) return { text: text, ranges: ranges };
    var first = ranges.length ? ranges[0][0] : 0;
    var start = Math.max(0, first - Math.floor(max / 4));
    if (start + max > text.length) start = Math.max(0, text.length - max);
    start = safeCut(text, start);
    var end = safeCut(text, Math.min(text.length, start + max));
    var head = start > 0 ? '…' : '';
    var tail = end < text.length ? '…' : '';
    var shifted = [];
    ranges.forEach(function (r) {
      var a = Math.max(r[0], start), b = Math.min(r[1], end);
      if (a < b) shifted.push([a - start + head.length, b - start + head.length]);
    });
    return { text: head + text.slice(start, end) + tail, ranges: shifted };
  }

  var core = {
    cmp: cmp,
    collapse: collapse,
    normalize: normalize,
    tokenize: tokenize,
    codeKeys: codeKeys,
    codeKeyOfToken: codeKeyOfToken,
    isCJK: isCJK,
    decodeDocs: decodeDocs,
    decodeNumbers: decodeNumbers,
    memoryStore: memoryStore,
    shardStore: shardStore,
    facetKey: facetKey,
    scriptLoader: scriptLoader,
    parseQuery: function (store, query, options) { return parseQuery(store.meta, query, options); },
    search: search,
    runSearch: runSearch,
    searchedPart: function (store, query) { return searchedPart(store.meta.ranking, query); },
    fillResults: fillResults,
    highlightRanges: highlightRanges,
    snippet: snippet,
    FORMAT: FORMAT,
    IndexFormatError: IndexFormatError
  };

  if (typeof window !== 'undefined') {
    window.FixbookSearch = core;
    window.FixbookSearchData = receive;
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = core;
})();
