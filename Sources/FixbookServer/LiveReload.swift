/// The script preview pages load: it waits on the server for the next build, reloads when one is
/// ready, and shows the errors of a failed build over the page (as text, never as HTML).
enum LiveReload {
    static let tag = Array("<script src=\"/__fixbook/livereload.js\"></script>".utf8)

    /// Adds the script tag before `</body>` (or at the end).
    static func inject(into html: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if Array(html[index..<(index + closing.count)]) == closing {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    static let script = """
        (function () {
          var seen = null;
          var box = null;
          function show(errors) {
            if (!errors) { if (box) { box.remove(); box = null; } return; }
            if (!box) {
              box = document.createElement('pre');
              box.setAttribute('role', 'alert');
              box.style.cssText = 'position:fixed;inset:auto 1rem 1rem 1rem;max-height:40vh;overflow:auto;margin:0;' +
                'padding:1rem;background:#7f1d1d;color:#fff;font:13px/1.5 monospace;z-index:9999;border-radius:8px;white-space:pre-wrap';
              document.body.appendChild(box);
            }
            box.textContent = 'fixbook: the last build failed; showing the previous one.\\n\\n' + errors;
          }
          var errors = '';
          // The server answers when the next build is done (or after a while with no news), so
          // the page reloads the moment the site changes.
          function wait() {
            var query = seen === null ? '' : '?since=' + seen + '&errors=' + encodeURIComponent(errors);
            fetch('/__fixbook/status' + query, {cache: 'no-store'}).then(function (r) { return r.json(); }).then(function (s) {
              if (seen !== null && s.generation !== seen) { location.reload(); return; }
              seen = s.generation;
              errors = s.errors;
              show(s.errors);
              wait();
            }).catch(function () { setTimeout(wait, 1000); });
          }
          wait();
        })();
        """
}
