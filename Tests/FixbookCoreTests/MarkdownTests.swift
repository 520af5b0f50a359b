import FixbookCore
import Foundation
import Testing

@Suite struct MarkdownTests {
    @Test(arguments: [
        ("解决方法", "解决方法"), ("Solution", "solution"), ("情况一：未勾选“身份验证”", "情况一未勾选身份验证"),
        ("Fix error 0x800CCC0F now!", "fix-error-0x800ccc0f-now"), ("  --- ", "section"), ("C# & .NET", "c-net"),
    ])
    func headingAnchors(text: String, anchor: String) {
        #expect(HeadingAnchor.slug(text) == anchor)
    }

    @Test func duplicateAnchorsAreNumbered() {
        #expect(HeadingAnchor.uniqueSlugs(["解决方法", "解决方法", "Fix", "fix"]) == ["解决方法", "解决方法-1", "fix", "fix-1"])
    }

    @Test func headingsGetIdsLinesAndSections() {
        let rendered = MarkdownRenderer.render(
            "intro\n\n## 解决方法\n\n### 情况一\n\nstep\n\n## Empty\n\n## Last\n", firstLine: 5, sectionTexts: true)
        #expect(rendered.headings.map(\.anchor) == ["解决方法", "情况一", "empty", "last"])
        #expect(rendered.headings.map(\.line) == [7, 9, 13, 15])
        #expect(rendered.headings.map(\.sectionHasContent) == [true, true, false, false])
        #expect(
            rendered.html.contains(
                "<h2 id=\"解决方法\">解决方法 <a class=\"heading-anchor\" href=\"#%E8%A7%A3%E5%86%B3%E6%96%B9%E6%B3%95\""))
        #expect(!rendered.html.contains("data-sourcepos"))
        #expect(rendered.sectionText["情况一"] == "step")
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let body = "<script>alert(1)</script>\n\nhi <b onclick=x>there</b>\n\n[x](javascript:alert(1))\n"
        let safe = MarkdownRenderer.render(body).html
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        #expect(!safe.contains("javascript:"))
        let unsafe = MarkdownRenderer.render("hi <b>there</b>\n", unsafe: true).html
        #expect(unsafe.contains("<b>there</b>"))
    }

    @Test func linksAreCollectedAndRewritten() {
        let rendered = MarkdownRenderer.render("see [a](../x/other.md#解决方法) and ![i](img/p.png)\n", firstLine: 3) {
            destination, isImage in
            .init(
                url: isImage
                    ? "../files/p.png" : destination.replacingOccurrences(of: "../x/other.md", with: "other.html"))
        }
        #expect(rendered.links.map(\.destination) == ["../x/other.md#解决方法", "img/p.png"])
        #expect(rendered.links.map(\.line) == [3, 3])
        #expect(rendered.links.map(\.isImage) == [false, true])
        #expect(rendered.html.contains("href=\"other.html#%E8%A7%A3%E5%86%B3%E6%96%B9%E6%B3%95\""))
        #expect(rendered.html.contains("src=\"../files/p.png\""))
    }

    /// cmark-gfm keeps an extension's inline characters in one global table while a parser works
    /// on inlines: articles parsed on several threads at once must all keep their extensions.
    @Test func extensionsHoldWhenArticlesAreParsedAtOnce() {
        final class Failures: @unchecked Sendable {
            let lock = NSLock()
            var count = 0
        }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2000) { number in
            let html = MarkdownRenderer.render("Article \(number): ~~old~~ www.example.com\n").html
            if !html.contains("<del>old</del>") || !html.contains("href=\"http://www.example.com\"") {
                failures.lock.withLock { failures.count += 1 }
            }
        }
        #expect(failures.count == 0)
    }

    @Test func gfmExtensionsAreOn() {
        let html = MarkdownRenderer.render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.com\n\n- [x] done\n\nnote[^1]\n\n[^1]: foot\n"
        ).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("href=\"http://www.example.com\""))
        #expect(html.contains("checkbox"))
        #expect(html.contains("footnote"))
    }

    @Test func everyHeadingOfEveryLevelGetsItsIdAndAnchor() {
        let body =
            "# One\n\ntext with = and \"quotes\"\n\n## Two `x`\n\n- a\n- b\n\n###### Six\n\n> quote\n\n## Two `x`\n"
        let html = MarkdownRenderer.render(body, copyLinkLabel: "Link <here>").html
        let anchor = { (id: String) in
            "<a class=\"heading-anchor\" href=\"#\(id)\" aria-label=\"Link &lt;here&gt;\">#</a></h"
        }
        #expect(html.contains("<h1 id=\"one\">One \(anchor("one"))1>"))
        #expect(html.contains("<h2 id=\"two-x\">Two <code>x</code> \(anchor("two-x"))2>"))
        #expect(html.contains("<h6 id=\"six\">Six \(anchor("six"))6>"))
        #expect(html.contains("<h2 id=\"two-x-1\">Two <code>x</code> \(anchor("two-x-1"))2>"))
        #expect(html.contains("<p>text with = and &quot;quotes&quot;</p>"))
        #expect(html.contains("<ul>\n<li>a</li>"))
        #expect(!html.contains("data-sourcepos"))
    }

    @Test func plainTextForTheIndex() {
        let rendered = MarkdownRenderer.render("# Title\n\nSome **bold** `code`.\n\n- item\n")
        #expect(rendered.plainText == "Title\nSome bold code.\nitem")
    }

    @Test(arguments: [
        ("other.md", "a/b.md", LinkTarget.article(path: "a/other.md", fragment: nil)),
        ("../c/d.md#x", "a/b.md", .article(path: "c/d.md", fragment: "x")),
        ("#%E8%A7%A3", "a/b.md", .sameArticle(fragment: "解")),
        ("https://example.com", "a/b.md", .external),
        ("mailto:x@y", "a/b.md", .external),
        ("../../etc/passwd", "a/b.md", .outside("../../etc/passwd")),
        ("/abs.md", "a/b.md", .outside("/abs.md")),
        ("img/p.png", "a/b.md", .file(path: "a/img/p.png")),
        ("./x/../c.md", "a/b/c.md", .article(path: "a/b/c.md", fragment: nil)),
        ("a\\b.md", "d/e.md", .article(path: "d/a/b.md", fragment: nil)),
        ("app+x-1.0:open", "a/b.md", .external),
        ("协议:打开", "a/b.md", .external),
        ("1x:y.png", "a/b.md", .file(path: "a/1x:y.png")),
    ])
    func linkTargets(destination: String, source: String, target: LinkTarget) {
        #expect(LinkTarget.resolve(destination, from: source) == target)
    }
}
