/*
 * Fixbook search: the user interface (search boxes, results as you type, search.html, filters,
 * keyboard). The ranking lives in search-core.js, loaded before this file; both are classic
 * scripts, so the search works from file:// with no server.
 */
(function () {
  'use strict';

  var core = typeof window !== 'undefined' ? window.FixbookSearch : null;
  if (!core || typeof document === 'undefined') return;
  var cmp = core.cmp;
  var collapse = core.collapse;
  var facetKey = core.facetKey;
  var fillResults = core.fillResults;
  var highlightRanges = core.highlightRanges;
  var runSearch = core.runSearch;
  var snippet = core.snippet;

  // ---------------------------------------------------------------- browser UI

  /** Fills `{name}` placeholders of an interface string. */
  function fill(template, values) {
    return String(template == null ? '' : template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /**
   * The interface's words, in the site's language: they come with the index entry
   * (UIStrings.swift writes them), so this script holds none of its own.
   */
  function interfaceStrings(ui) {
    return {
      found: function (n) { return n === 1 ? ui.searchFoundOne : fill(ui.searchFound, { n: n }); },
      foundFiltered: function (n, total) { return fill(ui.searchFoundFiltered, { n: n, total: total }); },
      noResults: ui.noResults,
      suggestion: function (code) {
        return code ? fill(ui.searchSuggestionWithCode, { code: code }) : ui.searchSuggestion;
      },
      contact: ui.searchContact,
      seeAll: function (n) { return fill(ui.searchSeeAll, { n: n }); },
      showMore: ui.searchShowMore,
      category: ui.searchFilterCategory,
      tag: ui.searchFilterTag,
      filters: ui.searchFilters,
      results: ui.searchResults,
      unavailable: ui.searchUnavailable,
      corrected: function (query) { return fill(ui.searchCorrected, { query: query }); },
      instead: ui.searchInstead,
      partial: ui.searchPartial,
      cut: function (n) { return fill(ui.searchCut, { n: n }); },
      missing: ui.searchMissing
    };
  }

  var POPUP_LIMIT = 8, HOME_LIMIT = 8, PAGE_STEP = 20, DEBOUNCE_MS = 60, SNIPPET_LENGTH = 120;

  function attachUI(win, doc) {
    var body = doc.body;
    if (!body) return;
    var root = body.getAttribute('data-root') || '';
    // assets/search-index.js: the entry of the split index; the shards load as a query needs them.
    var meta = win.FIXBOOK_INDEX;
    var S = interfaceStrings((meta && meta.ui) || {});
    var store = null;
    try {
      store = meta ? core.shardStore(meta, core.scriptLoader(doc, root)) : null;
    } catch (error) {
      // An index this script cannot read (another Fixbook version wrote it): say so on the
      // page, once, instead of searching it wrongly.
      if (!(error instanceof core.IndexFormatError)) throw error;
      S.unavailable = error.message + ': rebuild the site with the Fixbook that made this theme, ' +
        'or update the theme (fixbook init --with-theme).';
      if (win.console) win.console.error('Fixbook search: ' + S.unavailable);
    }
    var uid = 0;

    function el(tag, className, text) {
      var node = doc.createElement(tag);
      if (className) node.className = className;
      if (text != null) node.textContent = String(text);
      return node;
    }

    /** Only relative links from the index; anything with a scheme or protocol-relative is dropped. */
    function href(url) {
      var u = String(url || '');
      if (!u || /^[a-z][a-z0-9+.\-]*:/i.test(u) || /^[\\/]{2}/.test(u) || /[\u0000-\u001F]/.test(u)) return '#';
      return root + u;
    }

    function searchURL(q) { return root + 'search.html?q=' + encodeURIComponent(q); }

    function appendHighlighted(parent, text, ranges) {
      var pos = 0;
      ranges.forEach(function (r) {
        if (r[0] > pos) parent.appendChild(doc.createTextNode(text.slice(pos, r[0])));
        parent.appendChild(el('mark', null, text.slice(r[0], r[1])));
        pos = r[1];
      });
      if (pos < text.length) parent.appendChild(doc.createTextNode(text.slice(pos)));
    }

    function exampleCode() { return store ? store.meta.exampleCode : ''; }

    function supportLink() {
      var a = doc.querySelector('.site-footer a[href^="mailto:"]') || doc.querySelector('footer a[href^="mailto:"]') ||
        doc.querySelector('a[href^="mailto:"]');
      if (!a) return null;
      var link = el('a', null, a.textContent);
      link.setAttribute('href', a.getAttribute('href'));
      return link;
    }

    function emptyState(compact) {
      var box = el('div', 'search-empty');
      box.appendChild(el('p', 'search-empty-title', S.noResults));
      box.appendChild(el('p', null, S.suggestion(exampleCode())));
      var link = !compact && supportLink();
      if (link) {
        var p = el('p', null, S.contact + ' ');
        p.appendChild(link);
        box.appendChild(p);
      }
      return box;
    }

    function renderResult(r, id, terms, withSnippet) {
      var a = r.article;
      var item = el('div', 'result');
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      item.id = id;
      var link = el('a', 'result-link');
      link.setAttribute('data-result', '');
      var target = href(r.url);
      link.setAttribute('href', target === '#' ? href(a.url) : target);
      var title = el('span', 'result-title');
      var titleText = String(a.title || a.slug || '');
      appendHighlighted(title, titleText, highlightRanges(titleText, terms));
      link.appendChild(title);
      item.appendChild(link);

      var meta = el('div', 'result-meta');
      var parts = 0;
      if (a.categoryTitle || a.category) {
        meta.appendChild(el('span', 'result-category', a.categoryTitle || a.category));
        parts++;
      }
      var codes = r.codes.length ? r.codes : (a.codes || []).filter(function (c) { return !c.quoted; }).slice(0, 3);
      var shown = [];
      codes.forEach(function (c) {
        var label = String(c.code || c.key || '');
        if (!label || shown.indexOf(label) >= 0 || shown.length >= 4) return;
        if (!shown.length && parts) meta.appendChild(el('span', 'result-sep', '·'));
        shown.push(label);
        meta.appendChild(el('span', 'chip chip-code', label));
      });
      if (meta.childNodes.length) item.appendChild(meta);

      // The query's words this article lacks, struck through (as web search engines show them).
      if (r.missing && r.missing.length) {
        var missing = el('p', 'result-missing', S.missing + ' ');
        missing.setAttribute('data-missing', '');
        r.missing.forEach(function (word, i) {
          if (i) missing.appendChild(doc.createTextNode(' '));
          missing.appendChild(el('s', null, word));
        });
        item.appendChild(missing);
      }

      if (withSnippet) {
        var sn = snippet(a, terms, SNIPPET_LENGTH);
        if (sn.text) {
          var p = el('p', 'result-snippet');
          appendHighlighted(p, sn.text, sn.ranges);
          item.appendChild(p);
        }
      }
      return item;
    }

    function makeStatus(after) {
      var status = el('span', 'visually-hidden');
      status.setAttribute('role', 'status');
      status.setAttribute('aria-live', 'polite');
      after.parentNode.insertBefore(status, after.nextSibling);
      return status;
    }

    /** One search box: popup (header) or live (home and search pages). */
    function Box(input) {
      var live = input.hasAttribute('data-search-live');
      var isPage = input.hasAttribute('data-search-page');
      var form = input.form || input.closest('form');
      var container = null;
      if (live) {
        var ctl = input.getAttribute('aria-controls');
        container = (ctl && doc.getElementById(ctl)) || doc.querySelector('[data-search-results]');
      } else if (form) {
        container = form.querySelector('[data-search-popup]');
      }
      if (!container) return null;
      var popup = !live;
      var listId = container.id || ('fixbook-results-' + (++uid));
      if (!container.id) container.id = listId;
      input.setAttribute('aria-controls', container.id);
      if (popup) {
        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-autocomplete', 'list');
      }

      var statusEl = isPage ? doc.querySelector('[data-search-status]') : null;
      if (!statusEl) statusEl = makeStatus(popup ? container : input.closest('form') || input);
      if (live && container.getAttribute('aria-live')) container.removeAttribute('aria-live'); // the status announces
      var filtersEl = isPage ? doc.querySelector('[data-search-filters]') : null;
      var moreEl = null;
      if (live) {
        moreEl = el('div', 'search-more');
        container.parentNode.insertBefore(moreEl, container.nextSibling);
      }

      var state = {
        query: null, results: [], terms: [], active: -1, limit: PAGE_STEP, seq: 0,
        // misspelled words corrected ({typed, corrected}), whether only partial matches were
        // found, and whether the words are searched exactly as typed ("search instead for")
        corrections: [], partial: false, exact: false,
        // a filter: the chosen category title or tag, and the set of its documents
        filters: { category: null, tag: null }, filterDocs: { category: null, tag: null }
      };
      var timer = 0;
      var baseTitle = doc.title;

      function options() { return Array.prototype.slice.call(container.querySelectorAll('[role="option"]')); }

      function setActive(i) {
        var opts = options();
        if (state.active >= 0 && opts[state.active]) {
          opts[state.active].classList.remove('is-active');
          opts[state.active].setAttribute('aria-selected', 'false');
        }
        state.active = i >= 0 && i < opts.length ? i : -1;
        if (state.active < 0) {
          input.removeAttribute('aria-activedescendant');
          return;
        }
        var o = opts[state.active];
        o.classList.add('is-active');
        o.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', o.id);
        if (o.scrollIntoView) o.scrollIntoView({ block: 'nearest' });
      }

      function open(show) {
        if (!popup) return;
        container.hidden = !show;
        input.setAttribute('aria-expanded', show ? 'true' : 'false');
        if (!show) setActive(-1);
      }

      function announce(text) { if (statusEl) statusEl.textContent = text; }

      function visible() {
        var f = state.filterDocs;
        return state.results.filter(function (r) {
          return (!f.category || f.category.has(r.doc)) && (!f.tag || f.tag.has(r.doc));
        });
      }

      /** Loads the articles of the results about to be shown, then draws them. */
      function render() {
        var seq = state.seq;
        var limit = popup ? POPUP_LIMIT : isPage ? state.limit : HOME_LIMIT;
        var list = state.query ? visible() : [];
        fillResults(store, list, 0, limit).then(function () {
          if (seq === state.seq) draw(list, limit);
        }, unavailable);
      }

      function unavailable() {
        container.textContent = '';
        announce(S.unavailable);
      }

      /**
       * Above the results of the search page and the home page, outside the list box: the words
       * searched instead of misspelled ones, with a link to the words as typed, or that only
       * partial matches were found.
       */
      var noticeEl = null;
      if (!popup) {
        noticeEl = el('div', 'search-notice');
        noticeEl.setAttribute('data-search-notice', '');
        noticeEl.hidden = true;
        container.parentNode.insertBefore(noticeEl, container);
      }

      function drawNotice() {
        if (!noticeEl) return;
        noticeEl.textContent = '';
        if (state.query && state.results.length && state.corrections.length) {
          // The words were searched as normalized (full-width letters, compatibility characters
          // pasted from a PDF), and every occurrence as corrected: a Chinese pair has no word
          // boundaries, an English word has (LookupCommand.corrected does the same).
          var corrected = state.query.normalize('NFKC');
          state.corrections.forEach(function (c) {
            if (!/[a-z]/i.test(c.typed)) {
              corrected = corrected.split(c.typed).join(c.corrected);
              return;
            }
            corrected = corrected.replace(new RegExp('(^|[^a-z])' + c.typed.replace(/[^a-z]/g, '') + '(?![a-z])', 'gi'),
              function (all, before) { return before + c.corrected; });
          });
          var p = el('p', 'search-corrected', S.corrected(corrected));
          p.setAttribute('data-search-corrected', '');
          noticeEl.appendChild(p);
          var instead = el('p', 'search-instead', S.instead + ' ');
          var typed = el('a', null, state.query);
          typed.setAttribute('href', searchURL(state.query) + '&exact=1');
          typed.setAttribute('data-search-exact', '');
          typed.addEventListener('click', function (e) {
            if (!isPage) return;
            e.preventDefault();
            state.exact = true;
            run(true);
          });
          instead.appendChild(typed);
          noticeEl.appendChild(instead);
        }
        if (state.query && store && core.searchedPart(store, state.query) !== state.query) {
          var cut = el('p', 'search-cut', S.cut(store.meta.ranking.maximumQueryLength));
          cut.setAttribute('data-search-cut', '');
          noticeEl.appendChild(cut);
        }
        if (state.query && state.partial && state.results.length) {
          var partial = el('p', 'search-partial', S.partial);
          partial.setAttribute('data-search-partial', '');
          noticeEl.appendChild(partial);
        }
        noticeEl.hidden = !noticeEl.childNodes.length;
      }

      function draw(list, limit) {
        drawNotice();
        setActive(-1);
        container.textContent = '';
        if (moreEl) moreEl.textContent = '';
        var q = state.query;
        if (!q) {
          container.removeAttribute('role');
          announce('');
          open(false);
          if (filtersEl) { filtersEl.textContent = ''; filtersEl.hidden = true; }
          return;
        }
        if (!state.results.length) {
          container.removeAttribute('role');
          container.appendChild(emptyState(popup));
          announce(S.noResults);
          open(true);
          return;
        }
        container.setAttribute('role', 'listbox');
        container.setAttribute('aria-label', S.results);
        var shown = list.slice(0, limit);
        shown.forEach(function (r, i) {
          container.appendChild(renderResult(r, container.id + '-r' + i, state.terms, !popup));
        });
        if (popup || (!isPage && list.length > 0)) {
          var allWrap = popup ? el('div', 'result result-all') : moreEl;
          var all = el('a', popup ? 'result-link search-see-all' : 'search-see-all', S.seeAll(list.length));
          all.setAttribute('href', searchURL(q));
          if (popup) {
            allWrap.setAttribute('role', 'option');
            allWrap.setAttribute('aria-selected', 'false');
            allWrap.id = container.id + '-all';
            all.setAttribute('tabindex', '-1');
            allWrap.appendChild(all);
            container.appendChild(allWrap);
          } else {
            allWrap.appendChild(all);
          }
        } else if (isPage && list.length > shown.length) {
          var more = el('button', 'button search-show-more', S.showMore);
          more.type = 'button';
          more.addEventListener('click', function () {
            var first = shown.length;
            state.limit += PAGE_STEP;
            render();
            var next = container.querySelectorAll('[data-result]')[first];
            if (next) next.focus();
          });
          moreEl.appendChild(more);
        }
        if (popup) container.querySelectorAll('a').forEach(function (a) { a.setAttribute('tabindex', '-1'); });
        announce(list.length === state.results.length ? S.found(list.length) : S.foundFiltered(list.length, state.results.length));
        open(true);
      }

      /**
       * Filter chips for the categories and tags of the first results, each with the exact number
       * of results it keeps (its document list loads from the index).
       */
      function renderFilters() {
        if (!filtersEl) return;
        var seq = state.seq;
        var results = state.results;
        filtersEl.textContent = '';
        filtersEl.hidden = true;
        if (results.length < 2) return;
        fillResults(store, results, 0, PAGE_STEP).then(function () {
          var values = { category: [], tag: [] };
          results.slice(0, PAGE_STEP).forEach(function (r) {
            var c = r.article.categoryTitle || r.article.category;
            if (c && values.category.indexOf(c) < 0) values.category.push(c);
            (r.article.tags || []).forEach(function (t) { if (values.tag.indexOf(t) < 0) values.tag.push(t); });
          });
          ['category', 'tag'].forEach(function (kind) {
            var v = state.filters[kind];
            if (v !== null && values[kind].indexOf(v) < 0) values[kind].push(v);
          });
          var keys = values.category.map(function (v) { return facetKey('c', v); })
            .concat(values.tag.map(function (v) { return facetKey('t', v); }));
          return store.ensureKeys(keys).then(function () {
            if (seq === state.seq) drawFilters(values);
          });
        }).catch(unavailable);
      }

      function facetDocs(kind, value) { return new Set(store.facet(kind === 'category' ? 'c' : 't', value)); }

      function drawFilters(values) {
        var total = state.results.length;
        function counted(kind) {
          var entries = values[kind].map(function (v) {
            var docs = facetDocs(kind, v);
            return [v, state.results.filter(function (r) { return docs.has(r.doc); }).length];
          }).filter(function (e) { return e[1] > 0; });
          return entries.sort(function (x, y) { return y[1] - x[1] || cmp(x[0], y[0]); });
        }
        var catList = counted('category');
        var tagList = counted('tag').filter(function (e) { return e[1] < total || e[1] > 1; }).slice(0, 12);
        ['category', 'tag'].forEach(function (kind) {
          var list = kind === 'category' ? catList : tagList;
          var chosen = state.filters[kind];
          if (chosen !== null && !list.some(function (e) { return e[0] === chosen; })) {
            state.filters[kind] = null;
            state.filterDocs[kind] = null;
          }
        });
        if (catList.length < 2 && !tagList.length) return;
        filtersEl.setAttribute('role', 'group');
        filtersEl.setAttribute('aria-label', S.filters);
        function group(kind, label, entries) {
          if (!entries.length) return;
          filtersEl.appendChild(el('span', 'filter-label', label));
          entries.forEach(function (e) {
            var b = el('button', 'filter-chip');
            b.type = 'button';
            b.appendChild(doc.createTextNode(e[0] + ' '));
            b.appendChild(el('span', 'filter-count', e[1]));
            b.setAttribute('aria-pressed', state.filters[kind] === e[0] ? 'true' : 'false');
            b.addEventListener('click', function () {
              var on = state.filters[kind] !== e[0];
              state.filters[kind] = on ? e[0] : null;
              state.filterDocs[kind] = on ? facetDocs(kind, e[0]) : null;
              filtersEl.querySelectorAll('button.filter-chip[data-kind="' + kind + '"]').forEach(function (other) {
                other.setAttribute('aria-pressed', other === b && on ? 'true' : 'false');
              });
              state.limit = PAGE_STEP;
              render();
            });
            b.setAttribute('data-kind', kind);
            filtersEl.appendChild(b);
          });
        }
        if (catList.length > 1 || state.filters.category !== null) group('category', S.category, catList);
        group('tag', S.tag, tagList);
        filtersEl.hidden = !filtersEl.childNodes.length;
      }

      function run(force) {
        var q = input.value;
        var trimmed = collapse(q);
        if (!force && q === state.rawQuery) return;
        state.rawQuery = q;
        var seq = ++state.seq;
        if (!store) {
          state.query = trimmed;
          container.textContent = '';
          announce(trimmed ? S.unavailable : '');
          return;
        }
        var limit = popup ? POPUP_LIMIT : isPage ? PAGE_STEP : HOME_LIMIT;
        var pending = trimmed ? runSearch(store, q, { limit: limit, correct: !state.exact })
          : Promise.resolve({ results: [], terms: [], corrections: [], partial: false });
        pending.then(function (out) {
          if (seq !== state.seq) return; // a newer query is on its way
          if (trimmed !== state.query) state.limit = PAGE_STEP;
          state.query = trimmed;
          state.results = out.results;
          state.terms = out.terms;
          state.corrections = out.corrections || [];
          state.partial = !!out.partial;
          state.filters = { category: null, tag: null };
          state.filterDocs = { category: null, tag: null };
          if (isPage) {
            renderFilters();
            try {
              var url = trimmed ? '?q=' + encodeURIComponent(trimmed) + (state.exact ? '&exact=1' : '')
                : win.location.pathname.split('/').pop() || 'search.html';
              win.history.replaceState(null, '', url);
            } catch (e) { /* file:// in some browsers */ }
            doc.title = trimmed ? trimmed + ' - ' + baseTitle : baseTitle;
          }
          render();
        }, function () {
          if (seq === state.seq) unavailable();
        });
      }

      function schedule() {
        clearTimeout(timer);
        timer = setTimeout(function () { run(false); }, DEBOUNCE_MS);
      }

      input.addEventListener('input', function (e) {
        if (e.isComposing) return; // wait for compositionend (IME)
        state.exact = false;
        schedule();
      });
      input.addEventListener('compositionend', schedule);
      input.addEventListener('focus', function () {
        if (popup && state.query && input.value.trim()) open(true);
      });
      input.addEventListener('keydown', function (e) {
        if (e.isComposing || e.keyCode === 229) return;
        var opts = options();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          if (timer && input.value !== state.rawQuery) { clearTimeout(timer); run(false); }
          if (popup && container.hidden && state.query) open(true);
          if (!opts.length) return;
          e.preventDefault();
          var n = opts.length;
          var next = e.key === 'ArrowDown'
            ? (state.active + 1 >= n ? -1 : state.active + 1)
            : (state.active < 0 ? n - 1 : state.active - 1);
          setActive(next);
        } else if (e.key === 'Enter') {
          var o = state.active >= 0 ? opts[state.active] : null;
          var a = o && o.querySelector('a[href]');
          if (a) {
            e.preventDefault();
            win.location.assign(a.href);
          } else if (isPage) {
            e.preventDefault();
            clearTimeout(timer);
            run(true);
          }
        } else if (e.key === 'Escape') {
          if (popup && !container.hidden) {
            e.preventDefault();
            open(false);
          } else if (state.active >= 0) {
            e.preventDefault();
            setActive(-1);
          }
        }
      });
      if (popup) {
        // Keep focus in the input while clicking a result, so the click lands.
        container.addEventListener('mousedown', function (e) { e.preventDefault(); });
        doc.addEventListener('click', function (e) {
          if (!container.hidden && form && !form.contains(e.target)) open(false);
        });
        (form || input).addEventListener('focusout', function (e) {
          var to = e.relatedTarget;
          if (!to || !(form || input).contains(to)) open(false);
        });
      }
      if (isPage && form) {
        form.addEventListener('submit', function (e) {
          e.preventDefault();
          clearTimeout(timer);
          run(true);
        });
      }

      return {
        input: input,
        popup: popup,
        isPage: isPage,
        setQuery: function (q, exact) { input.value = q; state.exact = !!exact; run(true); },
        refresh: function () { if (input.value && input.value !== state.rawQuery) run(false); }
      };
    }

    var boxes = [];
    doc.querySelectorAll('input[data-search-input]').forEach(function (input) {
      var b = Box(input);
      if (b) boxes.push(b);
    });

    // Deep link: search.html?q=…
    boxes.forEach(function (b) {
      if (!b.isPage) return;
      var q = '', exact = false;
      try {
        var params = new URLSearchParams(win.location.search);
        q = params.get('q') || '';
        exact = params.get('exact') === '1';
      } catch (e) { q = ''; }
      if (q) b.setQuery(q, exact);
      else if (!store) {
        var st = doc.querySelector('[data-search-status]');
        if (st) st.textContent = S.unavailable;
      }
    });
    // Values restored by the browser (back/forward).
    function restore() { boxes.forEach(function (b) { if (!b.isPage || b.input.value) b.refresh(); }); }
    restore();
    win.addEventListener('pageshow', function (e) { if (e.persisted) restore(); });

    // "/" focuses the header search box unless the user is typing somewhere.
    doc.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      var header = doc.getElementById('site-search') || (boxes.filter(function (b) { return b.popup; })[0] || boxes[0] || {}).input;
      if (!header) return;
      e.preventDefault();
      header.focus();
      if (header.select) header.select();
    });
  }

  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    var start = function () { attachUI(window, document); };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})();
