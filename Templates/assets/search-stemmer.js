/*
 * Fixbook English stemmer: the Snowball English algorithm (Porter2,
 * https://snowballstem.org/algorithms/english/stemmer.html) as the Snowball project's release 3
 * implements it. printing → print, archived → archiv, generously → generous.
 *
 * One classic script, no modules, no dependencies: it works from file://. Load it before
 * search-core.js, which stems every English word of the index and of the query with it; it is
 * window.FixbookStemmer in the browser and module.exports for node.
 *
 * MIRRORED by Sources/FixbookCore/Search/EnglishStemmer.swift, written separately.
 * Tests/Fixtures/search/stemmer-vectors.json (made by scripts/stemmer-vectors.py with the
 * Snowball project's Python port) keeps the two in step: both test suites check every pair.
 *
 * Release 3 differs from the algorithm's original description in ways the vectors pin down:
 * more R1 prefixes (emerg, inter, later, organ, past, univers), ogist and lessli in step 2,
 * dying, lying and tying handled by step 1b instead of the exception list, and the invariant
 * words after step 1a (inning, proceed, ...) decided by step 1b.
 *
 * stem(word) expects lower-case a-z and apostrophes and returns any other word unchanged. A
 * "Y" inside the algorithm marks a y that is a consonant (first, or after a vowel).
 */
(function () {
  'use strict';

  // Letter sets, bit n for the letter a + n.
  var VOWELS = 0x1104111; // a e i o u y
  var VOWELS_WX = 0x1D04111; // a e i o u y w x: not the end of a short syllable (nor is Y)
  var VALID_LI = 0xA34DC; // c d e g h k m n r t: step 2 removes li after these

  var UPPER_Y = 0x59, APOSTROPHE = 0x27;

  var EXCEPTIONS = new Map([
    ['skis', 'ski'], ['skies', 'sky'], ['idly', 'idl'], ['gently', 'gentl'], ['ugly', 'ugli'],
    ['early', 'earli'], ['only', 'onli'], ['singly', 'singl'], ['sky', 'sky'], ['news', 'news'],
    ['howe', 'howe'], ['atlas', 'atlas'], ['cosmos', 'cosmos'], ['bias', 'bias'], ['andes', 'andes']
  ]);

  // The word being stemmed and its regions. R1 is the part from p1 on, R2 from p2 on; both are
  // measured once, before step 1, and a suffix is "in R1" when it starts at or after p1 even once
  // the word has become shorter. One word at a time, so plain variables serve.
  var w = '';
  var p1 = 0;
  var p2 = 0;

  function isIn(mask, c) {
    var offset = c - 0x61;
    return offset >= 0 && offset < 26 && ((mask >>> offset) & 1) === 1;
  }

  function isVowel(c) { return isIn(VOWELS, c); }

  /** The stem of word; a word with anything but a-z and apostrophes comes back unchanged. */
  function stem(word) {
    var n = word.length;
    if (n < 3) return word;
    for (var i = 0; i < n; i++) {
      var c = word.charCodeAt(i);
      if ((c < 0x61 || c > 0x7A) && c !== APOSTROPHE) return word;
    }
    if (n <= 6) {
      var exception = EXCEPTIONS.get(word);
      if (exception !== undefined) return exception;
    }
    w = word.charCodeAt(0) === APOSTROPHE ? word.slice(1) : word;
    var markedY = markConsonantY();
    markRegions();
    step1a();
    step1b();
    step1c();
    step2();
    step3();
    step4();
    step5();
    // Y is the only upper-case letter there can be.
    return markedY ? w.toLowerCase() : w;
  }

  // ---------------------------------------------------------------- prelude and regions

  /**
   * Marks as Y an initial y and every y after a vowel, so that they count as consonants. Left
   * to right: in "ayy" only the first y follows a vowel once the first is marked.
   */
  function markConsonantY() {
    if (w.indexOf('y') < 0) return false;
    var n = w.length;
    var marked = '';
    var copied = 0;
    var afterVowel = false;
    for (var i = 0; i < n; i++) {
      var c = w.charCodeAt(i);
      if (c === 0x79 && (i === 0 || afterVowel)) {
        marked += w.slice(copied, i) + 'Y';
        copied = i + 1;
        afterVowel = false;
      } else {
        afterVowel = isVowel(c);
      }
    }
    if (copied === 0) return false;
    w = marked + w.slice(copied);
    return true;
  }

  /**
   * R1 starts after the first non-vowel that follows a vowel, or after one of the prefixes whose
   * R1 that rule would make too short (gener-ous, commun-ity); R2 is R1 of R1.
   */
  function markRegions() {
    var n = w.length;
    p1 = n;
    p2 = n;
    var prefix = regionPrefix();
    if (prefix > 0) {
      p1 = prefix;
    } else {
      var end = syllableEnd(0);
      if (end < 0) return;
      p1 = end;
    }
    var end2 = syllableEnd(p1);
    p2 = end2 < 0 ? n : end2;
  }

  /** The position after the first non-vowel that follows a vowel at or after start, or -1. */
  function syllableEnd(start) {
    var n = w.length;
    var i = start;
    while (i < n && !isVowel(w.charCodeAt(i))) i++;
    i++;
    while (i < n && isVowel(w.charCodeAt(i))) i++;
    return i < n ? i + 1 : -1;
  }

  function regionPrefix() {
    var prefix;
    switch (w.charAt(0)) {
      case 'a': prefix = 'arsen'; break;
      case 'c': prefix = 'commun'; break;
      case 'e': prefix = 'emerg'; break;
      case 'g': prefix = 'gener'; break;
      case 'i': prefix = 'inter'; break;
      case 'l': prefix = 'later'; break;
      case 'o': prefix = 'organ'; break;
      case 'p': prefix = 'past'; break;
      case 'u': prefix = 'univers'; break;
      default: return 0;
    }
    return w.startsWith(prefix) ? prefix.length : 0;
  }

  // ---------------------------------------------------------------- tests and edits

  /** Whether a vowel occurs before position end. */
  function hasVowel(end) {
    for (var i = 0; i < end; i++) {
      if (isVowel(w.charCodeAt(i))) return true;
    }
    return false;
  }

  /**
   * Whether the part before end ends in a short syllable: a non-vowel, a vowel and a non-vowel
   * other than w, x or Y; a vowel and a non-vowel that are the whole part; or "past".
   */
  function endsInShortSyllable(end) {
    if (end >= 3) {
      var last = w.charCodeAt(end - 1);
      if (!isIn(VOWELS_WX, last) && last !== UPPER_Y && isVowel(w.charCodeAt(end - 2)) &&
        !isVowel(w.charCodeAt(end - 3))) return true;
    }
    if (end === 2 && !isVowel(w.charCodeAt(1)) && isVowel(w.charCodeAt(0))) return true;
    return end >= 4 && w.startsWith('past', end - 4);
  }

  /** Replaces the last `length` characters with `replacement` when they start in R1. */
  function replaceInR1(length, replacement) {
    var start = w.length - length;
    if (start >= p1) w = w.slice(0, start) + replacement;
  }

  function deleteInR1(length) {
    var start = w.length - length;
    if (start >= p1) w = w.slice(0, start);
  }

  function deleteInR2(length) {
    var start = w.length - length;
    if (start >= p2) w = w.slice(0, start);
  }

  // ---------------------------------------------------------------- steps

  /**
   * Possessive apostrophes, then plurals: sses → ss, ies/ied → i (ie after one letter), and s
   * after a part with a vowel other than the letter just before the s (gaps, but gas).
   */
  function step1a() {
    if (w.endsWith("'s'")) w = w.slice(0, -3);
    else if (w.endsWith("'s")) w = w.slice(0, -2);
    else if (w.endsWith("'")) w = w.slice(0, -1);
    var n = w.length;
    if (n === 0) return;
    var last = w.charAt(n - 1);
    if (last === 's') {
      if (w.endsWith('sses')) w = w.slice(0, n - 2);
      else if (w.endsWith('ies')) w = w.slice(0, n - 3 >= 2 ? n - 2 : n - 1);
      else if (!w.endsWith('ss') && !w.endsWith('us') && n >= 3 && hasVowel(n - 2)) w = w.slice(0, n - 1);
    } else if (last === 'd' && w.endsWith('ied')) {
      w = w.slice(0, n - 3 >= 2 ? n - 2 : n - 1);
    }
  }

  var EED = 1, ED = 2, ING = 3;

  /**
   * eed/eedly → ee in R1; ed, edly, ing, ingly removed after a part with a vowel, then the stem
   * tidied: at/bl/iz get their e back, a double consonant is undoubled, a short word gets an e
   * (hop-ing → hope).
   */
  function step1b() {
    var n = w.length;
    if (n < 2) return;
    var suffix, length;
    switch (w.charAt(n - 1)) {
      case 'y':
        if (w.endsWith('eedly')) { suffix = EED; length = 5; }
        else if (w.endsWith('ingly')) { suffix = ED; length = 5; }
        else if (w.endsWith('edly')) { suffix = ED; length = 4; }
        else return;
        break;
      case 'd':
        if (w.endsWith('eed')) { suffix = EED; length = 3; }
        else if (w.endsWith('ed')) { suffix = ED; length = 2; }
        else return;
        break;
      case 'g':
        if (!w.endsWith('ing')) return;
        suffix = ING;
        length = 3;
        break;
      default:
        return;
    }
    var stemEnd = n - length;
    if (suffix === EED) {
      // succeed, proceed, exceed keep their eed.
      if (stemEnd >= p1 && !isStem(stemEnd, 'succ') && !isStem(stemEnd, 'proc') && !isStem(stemEnd, 'exc')) {
        w = w.slice(0, stemEnd + 2);
      }
      return;
    }
    if (suffix === ING) {
      // dying, lying, tying → die, lie, tie.
      if (stemEnd === 2 && w.charAt(1) === 'y' && !isVowel(w.charCodeAt(0))) {
        w = w.charAt(0) + 'ie';
        return;
      }
      // inning, outing, canning, herring, earring, evening stay as they are.
      if (isStem(stemEnd, 'inn') || isStem(stemEnd, 'out') || isStem(stemEnd, 'cann') ||
        isStem(stemEnd, 'herr') || isStem(stemEnd, 'earr') || isStem(stemEnd, 'even')) return;
    }
    if (!hasVowel(stemEnd)) return;
    w = w.slice(0, stemEnd);
    n = stemEnd;
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) {
      w += 'e';
    } else if (n >= 2 && w.charCodeAt(n - 1) === w.charCodeAt(n - 2) && isUndoubled(w.charAt(n - 1))) {
      // add, egg, off (a, e or o and the double, nothing else) keep both letters.
      var first = w.charAt(0);
      if (!(n === 3 && (first === 'a' || first === 'e' || first === 'o'))) w = w.slice(0, n - 1);
    } else if (n === p1 && endsInShortSyllable(n)) {
      w += 'e';
    }
  }

  /** Whether the first `end` characters are exactly `literal`. */
  function isStem(end, literal) {
    return end === literal.length && w.startsWith(literal);
  }

  /** The consonants whose doubling step 1b undoes: bb dd ff gg mm nn pp rr tt. */
  function isUndoubled(letter) {
    switch (letter) {
      case 'b': case 'd': case 'f': case 'g': case 'm': case 'n': case 'p': case 'r': case 't':
        return true;
      default:
        return false;
    }
  }

  /** y (or Y) → i after a non-vowel that is not the first letter: cry → cri, but by, say. */
  function step1c() {
    var n = w.length;
    if (n < 3) return;
    var last = w.charAt(n - 1);
    if ((last === 'y' || last === 'Y') && !isVowel(w.charCodeAt(n - 2))) w = w.slice(0, n - 1) + 'i';
  }

  /** Derivational suffixes in R1, the longest that matches: ational → ate, fulness → ful, ... */
  function step2() {
    var n = w.length;
    if (n < 3) return;
    switch (w.charAt(n - 1)) {
      case 'i':
        switch (w.charAt(n - 2)) {
          case 'c':
            if (w.endsWith('anci')) replaceInR1(4, 'ance');
            else if (w.endsWith('enci')) replaceInR1(4, 'ence');
            break;
          case 'g':
            if (w.endsWith('ogi') && n >= 4 && w.charAt(n - 4) === 'l') replaceInR1(3, 'og');
            break;
          case 'l':
            if (w.endsWith('lessli')) replaceInR1(6, 'less');
            else if (w.endsWith('fulli')) replaceInR1(5, 'ful');
            else if (w.endsWith('ousli')) replaceInR1(5, 'ous');
            else if (w.endsWith('entli')) replaceInR1(5, 'ent');
            else if (w.endsWith('abli')) replaceInR1(4, 'able');
            else if (w.endsWith('alli')) replaceInR1(4, 'al');
            else if (w.endsWith('bli')) replaceInR1(3, 'ble');
            else if (isIn(VALID_LI, w.charCodeAt(n - 3))) deleteInR1(2);
            break;
          case 't':
            if (w.endsWith('biliti')) replaceInR1(6, 'ble');
            else if (w.endsWith('aliti')) replaceInR1(5, 'al');
            else if (w.endsWith('iviti')) replaceInR1(5, 'ive');
            break;
        }
        break;
      case 'l':
        if (w.endsWith('ational')) replaceInR1(7, 'ate');
        else if (w.endsWith('tional')) replaceInR1(6, 'tion');
        break;
      case 'm':
        if (w.endsWith('alism')) replaceInR1(5, 'al');
        break;
      case 'n':
        if (w.endsWith('ization')) replaceInR1(7, 'ize');
        else if (w.endsWith('ation')) replaceInR1(5, 'ate');
        break;
      case 'r':
        if (w.endsWith('izer')) replaceInR1(4, 'ize');
        else if (w.endsWith('ator')) replaceInR1(4, 'ate');
        break;
      case 's':
        if (w.endsWith('iveness')) replaceInR1(7, 'ive');
        else if (w.endsWith('fulness')) replaceInR1(7, 'ful');
        else if (w.endsWith('ousness')) replaceInR1(7, 'ous');
        break;
      case 't':
        if (w.endsWith('ogist')) replaceInR1(5, 'og');
        break;
    }
  }

  /** More derivational suffixes in R1: icate → ic, ness → nothing, ative removed in R2. */
  function step3() {
    var n = w.length;
    if (n < 3) return;
    switch (w.charAt(n - 1)) {
      case 'e':
        if (w.endsWith('icate')) replaceInR1(5, 'ic');
        else if (w.endsWith('ative')) { if (n - 5 >= p1) deleteInR2(5); }
        else if (w.endsWith('alize')) replaceInR1(5, 'al');
        break;
      case 'i':
        if (w.endsWith('iciti')) replaceInR1(5, 'ic');
        break;
      case 'l':
        if (w.endsWith('ational')) replaceInR1(7, 'ate');
        else if (w.endsWith('tional')) replaceInR1(6, 'tion');
        else if (w.endsWith('ical')) replaceInR1(4, 'ic');
        else if (w.endsWith('ful')) deleteInR1(3);
        break;
      case 's':
        if (w.endsWith('ness')) deleteInR1(4);
        break;
    }
  }

  /**
   * Suffixes removed in R2, the longest that matches (ement before ment before ent); ion only
   * after s or t.
   */
  function step4() {
    var n = w.length;
    if (n < 2) return;
    switch (w.charAt(n - 1)) {
      case 'c':
        if (w.endsWith('ic')) deleteInR2(2);
        break;
      case 'e':
        if (w.endsWith('ance') || w.endsWith('ence') || w.endsWith('able') || w.endsWith('ible')) deleteInR2(4);
        else if (w.endsWith('ate') || w.endsWith('ive') || w.endsWith('ize')) deleteInR2(3);
        break;
      case 'i':
        if (w.endsWith('iti')) deleteInR2(3);
        break;
      case 'l':
        if (w.endsWith('al')) deleteInR2(2);
        break;
      case 'm':
        if (w.endsWith('ism')) deleteInR2(3);
        break;
      case 'n':
        if (w.endsWith('ion') && n >= 4 && (w.charAt(n - 4) === 's' || w.charAt(n - 4) === 't')) deleteInR2(3);
        break;
      case 'r':
        if (w.endsWith('er')) deleteInR2(2);
        break;
      case 's':
        if (w.endsWith('ous')) deleteInR2(3);
        break;
      case 't':
        if (w.endsWith('ement')) deleteInR2(5);
        else if (w.endsWith('ment')) deleteInR2(4);
        else if (w.endsWith('ent') || w.endsWith('ant')) deleteInR2(3);
        break;
    }
  }

  /** A final e goes in R2, or in R1 unless a short syllable precedes it; ll → l in R2. */
  function step5() {
    var end = w.length - 1;
    if (end < 0) return;
    var last = w.charAt(end);
    if (last === 'e') {
      if (end >= p2 || (end >= p1 && !endsInShortSyllable(end))) w = w.slice(0, end);
    } else if (last === 'l') {
      if (end >= p2 && end >= 1 && w.charAt(end - 1) === 'l') w = w.slice(0, end);
    }
  }

  var api = { stem: stem };
  if (typeof window !== 'undefined') window.FixbookStemmer = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
