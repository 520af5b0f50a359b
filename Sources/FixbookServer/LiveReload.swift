/// The script preview pages load: it polls the server, reloads when a new build is ready, and
/// shows the errors of a failed build over the page (as text, never as HTML).
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
          function poll() {
            fetch('/__fixbook/status', {cache: 'no-store'}).then(function (r) { return r.json(); }).then(function (s) {
              if (seen !== null && s.generation !== seen) { location.reload(); return; }
              seen = s.generation;
              show(s.errors);
            }).catch(function () {}).then(function () { setTimeout(poll, 500); });
          }
          poll();
        })();
        """
}
