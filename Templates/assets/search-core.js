/*
 * Fixbook client-side search.
 *
 * One classic script, no modules, no network, no dependencies: it works from file://.
 * The page loads assets/search-index.js first (it sets window.FIXBOOK_INDEX, see
 * search-index.json for the shape), then this file. Both are `defer`.
 *
 * This file is the search core (normalize, tokenize, codeKeys, search, ...): pure functions,
 * exported as window.FixbookSearch in the browser and through module.exports for node.
 * search.js, loaded after it, is the user interface.
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
 *      are the usual case. A maximal run of word code points is one token. A "." is part of
 *      the word when the code point before it is an ASCII digit (0-9) and the one after it is
 *      an ASCII digit too: 5.1.1, 192.168.1.1 and v1.2 stay whole, winmail.dat splits.
 *    - separator: everything else (space, punctuation, symbols, "_", "-"...).
 *    CJK and word runs are separate tokens even without a separator: 错误代码550 →
 *    错误, 误代, 代码, 550.
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
 * 4. Ranking. See parseQuery() and runSearch() for the exact arithmetic.
 *    Fields and weights: title 10, symptoms 6, tags 5, codes 5 (the article's code keys and
 *    written codes), headings 3, summary 2, body 1. A field matches a token once: frequency
 *    does not count.
 *    The query is cut into CONCEPTS, every one of which should match:
 *    - synonym occurrences: every word of every synonym group is looked for in the
 *      normalized, white-space-collapsed query (a word that starts/ends with a word
 *      character must not touch another word character there). Occurrences are picked
 *      longest first, then leftmost, without overlaps. Each picked occurrence is one concept
 *      with weight = its token count; it matches a field with ALL the tokens of the word
 *      itself (full score) or of a group-mate (half score).
 *    - the rest of the query (occurrences replaced by a space) is tokenized; each token is
 *      a concept of weight 1. A code token also matches the tokens of its key at full score
 *      (800ccc0d also matches 0x800ccc0d). While typing (the query does not end in white
 *      space) the last token, if it starts with [a-z0-9] and has ≥ 2 chars, also matches
 *      index words that start with it (at most 100 words, in code unit order), half score,
 *      and, when a word of a synonym group starts with it, every word of that group, half
 *      score (attach → attachment, 附件, 附档).
 *    - duplicate concepts are dropped.
 *    A field "matches" a concept's alternative when that one field holds all of the
 *    alternative's tokens (bigrams of a CJK word split across two fields do not count).
 *    Per article: score = Σ concept.weight × (Σ weights of fields matched at full score
 *      + ½ Σ weights of fields matched only at half score)
 *      + 1000 per code key of the query that the article claims (index `codes` map)
 *      + message boost: for such a code entry with a message, 200 × (distinct message
 *        tokens found among tokenize(query)) / (distinct message tokens); the best entry
 *        per key counts
 *      + proximity: if the query has ≥ 2 tokens and the whole query (normalized, white
 *        space collapsed to one space, trimmed) occurs in the normalized title +8, in a
 *        symptom +6, in the body +2.
 *    fraction = Σ weight of matched concepts / Σ weight of all concepts, or 1 for an article
 *      hit by a code key of the query (a code hit counts as a complete match). A concept is
 *      matched when any field matches it at full or half score. Articles with fraction < 0.5
 *      are dropped (a mostly-unmatched query shows the "no results" help, not noise).
 *    Order: complete matches (fraction 1) first, then by fraction, then score (higher
 *    first), then title, then slug (both compared by UTF-16 code units).
 *    A result links to the first code entry (in query key order) that it matched by code,
 *    otherwise to the article.
 *
 * 5. Snippet: the symptom with the most highlighted characters; if no symptom has a hit, a
 *    ~120-char window of the body starting a little before the first hit; else the summary.
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

  /** Tokens of text that is already normalized. */
  function tokenizeNormalized(s) {
    var out = [];
    var n = s.length;
    var i = 0;
    while (i < n) {
      var cp = s.codePointAt(i);
      var len = cp > 0xFFFF ? 2 : 1;
      if (isCJK(cp)) {
        var chars = [];
        var j = i;
        while (j < n) {
          var c = s.codePointAt(j);
          if (!isCJK(c)) break;
          var l = c > 0xFFFF ? 2 : 1;
          chars.push(s.slice(j, j + l));
          j += l;
        }
        if (chars.length === 1) out.push(chars[0]);
        else for (var k = 0; k + 1 < chars.length; k++) out.push(chars[k] + chars[k + 1]);
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
          break;
        }
        out.push(s.slice(i, e));
        i = e;
      } else {
        i += len;
      }
    }
    return out;
  }

  function tokenize(text) { return tokenizeNormalized(normalize(text)); }

  function repairHex(body) {
    var r = body.replace(/o/g, '0').replace(/[li]/g, '1');
    return /^[0-9a-f]{8}$/.test(r) ? r : null;
  }

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
    if (/^[2-5][0-9]{2}$/.test(t)) return t;
    if (/^[245]\.[0-9]{1,3}\.[0-9]{1,3}$/.test(t)) return t;
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

  /** True when s[start, end) does not cut through a word at either end. */
  function boundaryOK(s, start, end) {
    if (isWordAt(s, start) && isWordAt(s, start - 1)) return false;
    if (isWordAt(s, end - 1) && isWordAt(s, end)) return false;
    return true;
  }

  // ---------------------------------------------------------------- prepared index

  var FIELD_TITLE = 1, FIELD_SYMPTOMS = 2, FIELD_TAGS = 4, FIELD_CODES = 8,
    FIELD_HEADINGS = 16, FIELD_SUMMARY = 32, FIELD_BODY = 64, FIELD_SLOTS = 128;
  var FIELD_WEIGHTS = [[FIELD_TITLE, 10], [FIELD_SYMPTOMS, 6], [FIELD_TAGS, 5], [FIELD_CODES, 5],
    [FIELD_HEADINGS, 3], [FIELD_SUMMARY, 2], [FIELD_BODY, 1]];
  var MASK_WEIGHT = (function () {
    var table = new Array(FIELD_SLOTS);
    for (var m = 0; m < FIELD_SLOTS; m++) {
      var w = 0;
      for (var f = 0; f < FIELD_WEIGHTS.length; f++) if (m & FIELD_WEIGHTS[f][0]) w += FIELD_WEIGHTS[f][1];
      table[m] = w;
    }
    return table;
  })();

  var CODE_HIT = 1000, MESSAGE_BOOST = 200, PHRASE_TITLE = 8, PHRASE_SYMPTOM = 6, PHRASE_BODY = 2;
  var PREFIX_MIN = 2, PREFIX_MAX_WORDS = 100, MIN_PARTIAL = 0.5;

  var prepared = typeof WeakMap === 'function' ? new WeakMap() : null;

  /**
   * Per-article token → field mask, stored as an inverted index: token → [doc * 128 + mask].
   * Built once per index object, on the first query.
   */
  function prepare(index) {
    var p = prepared && prepared.get(index);
    if (p) return p;
    var docs = (index && index.articles) || [];
    var postings = new Map();
    var texts = [];
    for (var d = 0; d < docs.length; d++) {
      var a = docs[d] || {};
      var masks = new Map();
      var add = function (text, bit) {
        var toks = tokenizeNormalized(text);
        for (var i = 0; i < toks.length; i++) masks.set(toks[i], (masks.get(toks[i]) | 0) | bit);
      };
      var title = normalize(a.title);
      add(title, FIELD_TITLE);
      var symptoms = (a.symptoms || []).map(normalize);
      symptoms.forEach(function (s) { add(s, FIELD_SYMPTOMS); });
      (a.tags || []).forEach(function (t) { add(normalize(t), FIELD_TAGS); });
      (a.codes || []).forEach(function (c) { add(normalize(c.key), FIELD_CODES); add(normalize(c.code), FIELD_CODES); });
      (a.headings || []).forEach(function (h) { add(normalize(h), FIELD_HEADINGS); });
      add(normalize(a.summary), FIELD_SUMMARY);
      var body = normalize(a.text);
      add(body, FIELD_BODY);
      masks.forEach(function (mask, token) {
        var list = postings.get(token);
        if (!list) postings.set(token, list = []);
        list.push(d * FIELD_SLOTS + mask);
      });
      texts.push({ title: title, symptoms: symptoms, body: body });
    }
    var vocab = Array.from(postings.keys()).sort(cmp);

    var groups = (index.synonyms || []).map(function (g) {
      return (g || []).map(function (w) { return collapse(normalize(w)); }).filter(function (w) {
        return tokenizeNormalized(w).length > 0;
      });
    }).filter(function (g) { return g.length > 1; });

    // code key → [doc]
    var byId = new Map();
    docs.forEach(function (a, i) { if (a && a.id != null) byId.set(String(a.id), i); });
    var codeDocs = new Map();
    var codeMap = index.codes;
    if (codeMap && typeof codeMap === 'object') {
      Object.keys(codeMap).forEach(function (key) {
        var ids = codeMap[key] || [];
        var list = [];
        ids.forEach(function (id) { var i = byId.get(String(id)); if (i !== undefined && list.indexOf(i) < 0) list.push(i); });
        codeDocs.set(key, list);
      });
    } else {
      docs.forEach(function (a, i) {
        (a.codes || []).forEach(function (c) {
          var list = codeDocs.get(c.key);
          if (!list) codeDocs.set(c.key, list = []);
          if (list.indexOf(i) < 0) list.push(i);
        });
      });
    }
    var messageKeys = [];
    Array.from(codeDocs.keys()).sort(cmp).forEach(function (key) {
      var toks = tokenize(key);
      if (toks.length === 1 && codeKeyOfToken(toks[0]) === key) return;
      if (toks.length) messageKeys.push({ key: key, tokens: toks });
    });

    p = { index: index, docs: docs, postings: postings, vocab: vocab, texts: texts, groups: groups, codeDocs: codeDocs, messageKeys: messageKeys };
    if (prepared) prepared.set(index, p);
    return p;
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
   * Cuts the query into concepts: { weight, full: [[token]], half: [[token]], terms: [string] }.
   * `full`/`half` are alternative phrases: a field matches a phrase when it has all its tokens.
   */
  function parseQuery(p, query, options) {
    var raw = normalize(query);
    var norm = collapse(raw);
    var typing = !(options && options.prefix === false) && !/\s$/.test(raw);
    var allTokens = tokenizeNormalized(norm);

    // Synonym occurrences: longest first, then leftmost, no overlaps.
    var occ = [];
    p.groups.forEach(function (g, gi) {
      g.forEach(function (w) {
        var from = 0, at;
        while ((at = norm.indexOf(w, from)) !== -1) {
          if (boundaryOK(norm, at, at + w.length)) occ.push({ start: at, end: at + w.length, group: gi, word: w });
          from = at + 1;
        }
      });
    });
    occ.sort(function (a, b) {
      return (b.end - b.start) - (a.end - a.start) || a.start - b.start || a.group - b.group;
    });
    var picked = [];
    occ.forEach(function (o) {
      for (var i = 0; i < picked.length; i++) if (o.start < picked[i].end && picked[i].start < o.end) return;
      picked.push(o);
    });
    picked.sort(function (a, b) { return a.start - b.start; });

    var concepts = [];
    var seen = new Set();
    function push(c) {
      var sig = JSON.stringify([c.full, c.half]);
      if (seen.has(sig)) return;
      seen.add(sig);
      concepts.push(c);
    }
    function textPiece(text, isLast) {
      var toks = tokenizeNormalized(text);
      toks.forEach(function (t, i) {
        var c = { weight: 1, full: [[t]], half: [], terms: [t], prefix: null };
        var key = codeKeyOfToken(t);
        if (key) {
          var kt = tokenize(key);
          if (kt.length && !(kt.length === 1 && kt[0] === t)) { c.full.push(kt); c.terms.push(kt.join(' ')); }
        }
        if (isLast && i === toks.length - 1 && typing && t.length >= PREFIX_MIN && /^[a-z0-9]/.test(t) &&
            norm.slice(norm.length - t.length) === t) {
          c.prefix = t;
        }
        push(c);
      });
    }
    var pos = 0;
    picked.forEach(function (o) {
      textPiece(norm.slice(pos, o.start), false);
      var own = tokenizeNormalized(o.word);
      var half = [];
      p.groups[o.group].forEach(function (w) {
        if (w === o.word) return;
        var t = tokenizeNormalized(w);
        if (t.length) half.push(t);
      });
      push({ weight: Math.max(1, own.length), full: [own], half: half, terms: p.groups[o.group].slice(), prefix: null });
      pos = o.end;
    });
    textPiece(norm.slice(pos), true);

    // Prefix completions of the last token (half score).
    concepts.forEach(function (c) {
      if (!c.prefix) return;
      var start = lowerBound(p.vocab, c.prefix);
      var count = 0;
      for (var i = start; i < p.vocab.length && count < PREFIX_MAX_WORDS; i++) {
        var w = p.vocab[i];
        if (w.slice(0, c.prefix.length) !== c.prefix) break;
        if (w === c.prefix) continue;
        c.half.push([w]);
        count++;
      }
      // A synonym word that starts with the prefix brings its whole group (attach → 附件).
      p.groups.forEach(function (g) {
        if (!g.some(function (w) { return w !== c.prefix && w.slice(0, c.prefix.length) === c.prefix; })) return;
        g.forEach(function (w) {
          var t = tokenizeNormalized(w);
          if (t.length) c.half.push(t);
          c.terms.push(w);
        });
      });
    });

    // Codes: pattern codes in the query, then message keys found as token runs.
    var keys = codeKeysOfTokens(allTokens);
    p.messageKeys.forEach(function (m) {
      if (keys.indexOf(m.key) < 0 && containsRun(allTokens, m.tokens)) keys.push(m.key);
    });

    return { norm: norm, tokens: allTokens, concepts: concepts, codeKeys: keys };
  }

  /** doc → mask of fields that contain every token of `tokens`. */
  function phraseMasks(p, tokens, into) {
    var acc = null;
    var uniq = [];
    tokens.forEach(function (t) { if (uniq.indexOf(t) < 0) uniq.push(t); });
    for (var i = 0; i < uniq.length; i++) {
      var list = p.postings.get(uniq[i]);
      if (!list) return;
      var next = new Map();
      for (var j = 0; j < list.length; j++) {
        var v = list[j];
        var d = (v / FIELD_SLOTS) | 0;
        var m = v % FIELD_SLOTS;
        if (acc === null) next.set(d, m);
        else {
          var prev = acc.get(d);
          if (prev !== undefined && (prev & m)) next.set(d, prev & m);
        }
      }
      acc = next;
      if (!acc.size) return;
    }
    if (!acc) return;
    acc.forEach(function (m, d) { into.set(d, (into.get(d) | 0) | m); });
  }

  function uniqueTokens(text) {
    var out = [];
    tokenize(text).forEach(function (t) { if (out.indexOf(t) < 0) out.push(t); });
    return out;
  }

  /**
   * Full search: { results, terms, codeKeys, concepts }. Each result:
   * { id, slug, title, url, article, score, fraction, complete, codes: [matched code entries] }.
   */
  function runSearch(index, query, options) {
    var p = prepare(index);
    var q = parseQuery(p, query, options);
    var terms = [];
    q.concepts.forEach(function (c) {
      c.terms.forEach(function (t) { terms.push({ text: t, prefix: false }); });
      if (c.prefix) terms.push({ text: c.prefix, prefix: true });
    });
    q.codeKeys.forEach(function (k) { terms.push({ text: normalize(k), prefix: false }); });
    if (!q.concepts.length && !q.codeKeys.length) return { results: [], terms: terms, codeKeys: q.codeKeys, concepts: q.concepts, query: q };

    var totalWeight = 0;
    var scores = new Map(); // doc → {score, matched}
    function entry(d) {
      var e = scores.get(d);
      if (!e) scores.set(d, e = { score: 0, matched: 0, codeKeys: [] });
      return e;
    }
    q.concepts.forEach(function (c) {
      totalWeight += c.weight;
      var full = new Map(), half = new Map();
      c.full.forEach(function (ph) { phraseMasks(p, ph, full); });
      c.half.forEach(function (ph) { phraseMasks(p, ph, half); });
      full.forEach(function (m, d) {
        var e = entry(d);
        e.matched += c.weight;
        e.score += c.weight * (MASK_WEIGHT[m] + MASK_WEIGHT[(half.get(d) | 0) & ~m] / 2);
      });
      half.forEach(function (m, d) {
        if (full.has(d)) return;
        var e = entry(d);
        e.matched += c.weight;
        e.score += c.weight * MASK_WEIGHT[m] / 2;
      });
    });

    var queryTokenSet = new Set(q.tokens);
    q.codeKeys.forEach(function (key) {
      var list = p.codeDocs.get(key);
      if (!list) return;
      list.forEach(function (d) {
        var e = entry(d);
        e.score += CODE_HIT;
        e.codeKeys.push(key);
        var best = 0;
        (p.docs[d].codes || []).forEach(function (c) {
          if (c.key !== key || !c.message) return;
          var mt = uniqueTokens(c.message);
          if (!mt.length) return;
          var hits = 0;
          mt.forEach(function (t) { if (queryTokenSet.has(t)) hits++; });
          best = Math.max(best, MESSAGE_BOOST * hits / mt.length);
        });
        e.score += best;
      });
    });

    var phrase = q.tokens.length >= 2 ? q.norm : null;
    var results = [];
    scores.forEach(function (e, d) {
      var a = p.docs[d];
      // Weak partial matches (less than half of the query) are noise, unless a code hit.
      if (totalWeight && e.matched / totalWeight < MIN_PARTIAL && !e.codeKeys.length) return;
      if (phrase) {
        var tx = p.texts[d];
        if (tx.title.indexOf(phrase) >= 0) e.score += PHRASE_TITLE;
        if (tx.symptoms.some(function (s) { return s.indexOf(phrase) >= 0; })) e.score += PHRASE_SYMPTOM;
        if (tx.body.indexOf(phrase) >= 0) e.score += PHRASE_BODY;
      }
      var matchedCodes = [];
      e.codeKeys.forEach(function (key) {
        (a.codes || []).forEach(function (c) { if (c.key === key && matchedCodes.indexOf(c) < 0) matchedCodes.push(c); });
      });
      // A code hit is the strongest evidence there is: it counts as a complete match.
      var fraction = !totalWeight || e.codeKeys.length ? 1 : e.matched / totalWeight;
      results.push({
        id: a.id, slug: a.slug, title: a.title || '',
        url: matchedCodes.length && matchedCodes[0].url ? matchedCodes[0].url : a.url,
        article: a, doc: d, score: e.score, fraction: fraction, complete: fraction >= 1, codes: matchedCodes
      });
    });
    results.sort(function (x, y) {
      return (y.complete - x.complete) || (y.fraction - x.fraction) || (y.score - x.score) ||
        cmp(x.title, y.title) || cmp(String(x.slug), String(y.slug));
    });
    if (options && options.limit) results = results.slice(0, options.limit);
    return { results: results, terms: terms, codeKeys: q.codeKeys, concepts: q.concepts, query: q };
  }

  /** Ranked results, best first (see runSearch). */
  function search(index, query, options) { return runSearch(index, query, options).results; }

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
    (article.symptoms || []).forEach(function (sym) {
      var text = collapse(String(sym));
      var ranges = highlightRanges(text, terms);
      var c = covered(ranges);
      if (c > 0 && (!best || c > best.c)) best = { text: text, ranges: ranges, c: c };
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
    prepare: prepare,
    parseQuery: function (index, query, options) { return parseQuery(prepare(index), query, options); },
    search: search,
    runSearch: runSearch,
    highlightRanges: highlightRanges,
    snippet: snippet
  };


  if (typeof window !== 'undefined') window.FixbookSearch = core;
  if (typeof module !== 'undefined' && module.exports) module.exports = core;
})();
