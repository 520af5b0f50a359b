/*
 * Fixbook one-click copy: error codes, code blocks and section links.
 *
 * A classic script with no dependencies; it works from file://. The pages carry hidden copy
 * buttons (data-copy="text to copy") next to each error code; this script shows them, adds one to
 * every code block of an article, and makes each heading's "#" link copy the section's address
 * as well as going there. The button says "copied" for two seconds and a status line announces
 * it to screen readers. With scripts off the buttons stay hidden: nothing on the page is dead.
 * The words come from the page (<body data-copy-label data-copied>), in the site's language.
 */
(function () {
  'use strict';

  var FEEDBACK_MS = 2000;

  function copyText(text) {
    // navigator.clipboard needs a secure context (file:// is one in Chromium and Firefox); the
    // selection fallback covers the rest.
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallback(text); });
    }
    return Promise.resolve(fallback(text));
  }

  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand('copy'); } catch (e) { done = false; }
    document.body.removeChild(area);
    if (!done) throw new Error('copy refused');
  }

  function start() {
    var body = document.body;
    var label = body.getAttribute('data-copy-label') || 'Copy';
    var copied = body.getAttribute('data-copied') || 'Copied';
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('data-copy-status', '');
    body.appendChild(status);

    function announce(button) {
      status.textContent = '';
      // a change the screen reader hears even when the same words are announced twice
      setTimeout(function () { status.textContent = copied; }, 30);
      if (!button) return;
      clearTimeout(button.fixbookTimer);
      button.textContent = copied;
      button.classList.add('is-copied');
      button.fixbookTimer = setTimeout(function () {
        button.textContent = label;
        button.classList.remove('is-copied');
      }, FEEDBACK_MS);
    }

    function wire(button, text) {
      button.addEventListener('click', function () {
        copyText(text()).then(function () { announce(button); }, function () { /* nothing copied */ });
      });
    }

    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      button.hidden = false;
      wire(button, function () { return button.getAttribute('data-copy'); });
    });

    document.querySelectorAll('.prose pre').forEach(function (pre, i) {
      var code = pre.querySelector('code') || pre;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-button copy-block';
      button.textContent = label;
      button.setAttribute('data-copy', 'block');
      button.setAttribute('aria-label', label + ' ' + (i + 1));
      pre.parentNode.insertBefore(button, pre);
      wire(button, function () { return code.textContent; });
    });

    document.querySelectorAll('.prose .heading-anchor').forEach(function (anchor) {
      anchor.setAttribute('data-copy', 'link');
      anchor.addEventListener('click', function () {
        var address = anchor.href;
        copyText(address).then(function () { announce(null); }, function () { /* nothing copied */ });
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
