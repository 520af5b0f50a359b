/*
 * Fixbook "did this solve your problem?" block, under every article.
 *
 * A classic script with no dependencies. The answers are plain links, so they work with scripts
 * off: with `feedback.url` in fixbook.yml each goes to that endpoint with the article, its
 * language, the answer and the page as query parameters; without it, "no" opens a message to
 * support with the article's title, codes and what support needs already filled in, and "yes"
 * stays on the page. With scripts on, an answer to an endpoint is sent in the background (an
 * image request: a GET that works from file:// and across origins, never blocking the page) and
 * the block thanks the reader in place; "no" without an endpoint still opens the message.
 */
(function () {
  'use strict';

  function start() {
    document.querySelectorAll('[data-feedback]').forEach(function (block) {
      var status = block.querySelector('[data-feedback-status]');
      var answers = block.querySelector('.feedback-answers');
      var endpoint = block.hasAttribute('data-feedback-endpoint');
      block.querySelectorAll('[data-feedback-answer]').forEach(function (link) {
        link.addEventListener('click', function (event) {
          var mail = /^mailto:/i.test(link.getAttribute('href') || '');
          if (endpoint) {
            event.preventDefault();
            new Image().src = link.href;
          } else if (!mail) {
            event.preventDefault();
          }
          if (status) status.textContent = status.getAttribute('data-thanks') || '';
          if (answers && !mail) answers.hidden = true;
        });
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
