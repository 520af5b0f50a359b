#!/usr/bin/env python3
"""Generates a synthetic help center of N articles for benchmarks: deterministic (seeded).

Usage: generate_kb.py N OUT_DIR [--seed 1] [--hugo HUGO_DIR] [--search-tests K]

Writes OUT_DIR/fixbook.yml, OUT_DIR/Content/ (12 categories, codes.yml, synonyms.yml) and links
OUT_DIR/Templates to the repository's theme. Each article has realistic front matter (1-4 codes
of every system, some as {code, message, solution} mappings, symptoms, tags), a 300-1,500 word
body mixing Chinese and English with lists, a table, a code block, ~6 links to other articles,
and a solution section.

With --search-tests it also writes Content/search-tests.yml: K queries made from the articles'
titles, symptoms and codes as a customer would type them (they pass `fixbook check`); the
ranking parity test runs them in Swift and in the browser's script. The articles stay the same
with or without it.

With --hugo it also writes the same articles as a Hugo site (content + minimal layouts with
taxonomies for tags, codes and categories; term links are built from .Params, not .GetTerms,
which is quadratic in Hugo 0.111), so both tools build the same work.
"""
import argparse
import os
import pathlib
import random

REPO = pathlib.Path(__file__).resolve().parents[1]

CATEGORIES = [f"cat-{i:02d}" for i in range(12)]
ZH_WORDS = ("邮件 客户端 服务器 发送 接收 密码 设置 网络 防火墙 端口 附件 退信 收件人 地址 域名 解析 验证 帐户 "
            "管理员 白名单 垃圾 过滤 编码 乱码 延迟 重复 文件夹 容量 超时 连接 证书 安全 登录 同步 转发 规则").split()
EN_WORDS = ("outlook server connection timeout password mailbox message delivery recipient sender domain "
            "relay authentication settings network firewall port attachment encoding folder quota "
            "certificate secure login sync forward rule spam filter queue retry").split()
MESSAGES = ["Invalid User", "Relaying denied", "Mailbox full", "Message too large", "User unknown",
            "Connection timed out", "Authentication required", "Spam rejected", "Service unavailable"]
SYMPTOMS = ["无法连接到服务器", "发送邮件时提示错误", "收不到外域邮件", "附件打不开", "邮件显示乱码",
            "客户端一直提示输入密码", "Server unexpectedly terminated the connection", "Relay access denied"]


def code_for(rng):
    kind = rng.randrange(5)
    if kind == 0:
        return f"0x800CCC{rng.randrange(256):02X}"
    if kind == 1:
        return str(rng.choice([421, 450, 451, 452, 550, 551, 552, 553, 554]))
    if kind == 2:
        return f"5.{rng.randrange(1, 8)}.{rng.randrange(1, 20)}"
    if kind == 3:
        return str(rng.choice([10053, 10054, 10060, 10061, 11001, 11004]))
    return f"0x8004{rng.randrange(65536):04X}"


def sentence(rng):
    parts = []
    for _ in range(rng.randrange(6, 14)):
        parts.append(rng.choice(ZH_WORDS) if rng.random() < 0.7 else " " + rng.choice(EN_WORDS) + " ")
    return "".join(parts).strip() + "。"


def paragraph(rng, words):
    text, count = [], 0
    while count < words:
        s = sentence(rng)
        text.append(s)
        count += len(s) // 2
    return "".join(text)


HUGO_CONFIG = """baseURL = "http://example.org/"
title = "基准测试帮助中心"
languageCode = "zh-CN"
disableKinds = ["RSS"]
[taxonomies]
  tag = "tags"
  code = "codes"
  category = "categories"
[markup.goldmark.renderer]
  unsafe = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{{ .Params.summary }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<form action="{{ "search/" | relURL }}"><input type="search" name="q"></form></header>
<main>{{ block "main" . }}{{ end }}</main><footer>support@example.com</footer></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>
<ul>{{ range .Params.codes }}<li><a href="{{ "codes/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>
<ul>{{ range .Params.symptoms }}<li>{{ . }}</li>{{ end }}</ul>
<nav>{{ .TableOfContents }}</nav>
{{ .Content }}
<p>{{ range .Params.tags }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>
<p>{{ range .Params.categories }}<a href="{{ "categories/" | relURL }}{{ . | urlize }}/">{{ . }}</a>{{ end }}</p>
<ul>{{ range first 5 (site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<ul>{{ range first 8 site.RegularPages.ByLastmod.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}


def hugo_article(text):
    """The same article with Hugo front matter: codes as plain strings, categories as a list."""
    head, body = text[4:].split("\n---\n", 1)
    lines, codes = [], []
    for line in head.split("\n"):
        if line.startswith("  - code: "):
            codes.append(line[len("  - code: "):])
        elif line.startswith("    "):
            continue
        elif line == "codes:":
            continue
        elif line.startswith("category: "):
            lines.append("categories: [" + line[len("category: "):] + "]")
        elif line.startswith("updated: "):
            lines.append("date: " + line[len("updated: "):])
        elif line.startswith("order: "):
            lines.append("weight: " + line[len("order: "):])
        else:
            lines.append(line)
    lines.append("codes: [" + ", ".join('"' + c + '"' for c in codes) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def write_hugo(out, content):
    out.mkdir(parents=True, exist_ok=True)
    (out / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = out / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for source in sorted(content.rglob("article-*.md")):
        target = out / "content" / source.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(hugo_article(source.read_text(encoding="utf-8")), encoding="utf-8")


def article(i, n, rng, facts):
    slug = f"article-{i}"
    category = CATEGORIES[i % len(CATEGORIES)]
    codes = []
    for c in range(rng.randrange(1, 5)):
        code = code_for(rng)
        if rng.random() < 0.4:
            codes.append(f"  - code: {code}\n    message: {rng.choice(MESSAGES)} {i}-{c}\n    solution: 第一步")
        else:
            codes.append(f"  - code: {code}\n    message: {rng.choice(MESSAGES)} {i}-{c}")
    # (drawn as before, a repeat left out: an article lists each symptom once)
    symptom_list = list(dict.fromkeys(f"{rng.choice(SYMPTOMS)} ({i})" for _ in range(rng.randrange(1, 4))))
    symptoms = "\n".join(f"  - \"{s}\"" for s in symptom_list)
    tags = ", ".join(sorted({rng.choice(EN_WORDS) for _ in range(rng.randrange(2, 5))}))
    words = rng.randrange(300, 1500)
    links = " ".join(f"[相关 {j}](../{CATEGORIES[j % len(CATEGORIES)]}/article-{j}.md)" for j in sorted({rng.randrange(n) for _ in range(6)}))
    rows = "\n".join(f"| {code_for(rng)} | {rng.choice(MESSAGES)} | {rng.choice(ZH_WORDS)} |" for _ in range(4))
    body = f"""{paragraph(rng, words // 4)}

## 现象

{paragraph(rng, words // 4)}

- {sentence(rng)}
- {sentence(rng)}
- {sentence(rng)}

| 代码 | 提示 | 说明 |
|---|---|---|
{rows}

## 原因

{paragraph(rng, words // 4)}

```
telnet smtp.example.com 25
{rng.choice(EN_WORDS)} --retry {rng.randrange(9)}
```

## 解决方法

### 第一步

1. {sentence(rng)}
2. {sentence(rng)}
3. {sentence(rng)}

{paragraph(rng, words // 4)}

参见 {links}。
"""
    title = f"{rng.choice(SYMPTOMS)} {rng.choice(EN_WORDS)} {i}"
    facts.append({"slug": slug, "title": title, "symptoms": symptom_list, "codes": codes})
    return f"""---
title: "{title}"
slug: {slug}
category: {category}
codes:
{chr(10).join(codes)}
symptoms:
{symptoms}
tags: [{tags}]
summary: {sentence(rng)}
updated: 2026-{1 + i % 12:02d}-{1 + i % 28:02d}
order: {i}
---
{body}"""


def yaml_quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def search_tests(facts, count, seed):
    """Queries as customers type them: a title, a symptom, a code with its message, a bare code,
    a few words of a title. Each expects the article (anywhere in the results: the ranking
    parity test compares every score, not only the first) or, for a code, an article claiming it."""
    rng = random.Random(seed + 1)
    lines = []
    for k in range(count):
        fact = facts[rng.randrange(len(facts))]
        kind = k % 5
        code_line = rng.choice(fact["codes"])
        code = code_line.split("code: ", 1)[1].split("\n", 1)[0]
        message = code_line.split("message: ", 1)[1].split("\n", 1)[0]
        if kind == 0:
            query, expect, top = fact["title"], fact["slug"], 1000
        elif kind == 1:
            query, expect, top = rng.choice(fact["symptoms"]), fact["slug"], 1000
        elif kind == 2:
            query, expect, top = f"{code} {message}", code, 1
        elif kind == 3:
            query, expect, top = code.lower(), code, 1
        else:
            words = fact["title"].split()
            query, expect, top = " ".join(words[-2:]), fact["slug"], 1000
        lines.append(f"- {{query: {yaml_quoted(query)}, expect: {yaml_quoted(expect)}, top: {top}}}\n")
    return "".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hugo", type=pathlib.Path, help="also write the articles as a Hugo site here")
    parser.add_argument("--search-tests", type=int, default=0, help="also write this many search tests")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    content = args.out / "Content"
    content.mkdir(parents=True, exist_ok=True)
    (args.out / "fixbook.yml").write_text("title: 基准测试帮助中心\nlanguage: zh-CN\n", encoding="utf-8")
    (content / "categories.yml").write_text(
        "".join(f"{c}:\n  title: 分类 {c}\n  order: {k}\n" for k, c in enumerate(CATEGORIES)), encoding="utf-8")
    (content / "synonyms.yml").write_text("- [登录, 登陆, 登入]\n- [退信, 退回, bounce]\n", encoding="utf-8")
    facts = []
    for i in range(args.n):
        folder = content / CATEGORIES[i % len(CATEGORIES)]
        folder.mkdir(exist_ok=True)
        (folder / f"article-{i}.md").write_text(article(i, args.n, rng, facts), encoding="utf-8")
    if args.search_tests:
        (content / "search-tests.yml").write_text(search_tests(facts, args.search_tests, args.seed), encoding="utf-8")
    if args.hugo:
        write_hugo(args.hugo, content)
    templates = args.out / "Templates"
    if not templates.exists():
        os.symlink(REPO / "Templates", templates)


if __name__ == "__main__":
    main()
