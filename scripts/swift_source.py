"""Writes a generated Swift file holding one static array of strings: shared by the scripts that
turn a package's data into Swift (chinese-common-words.py, chinese-homophones.py)."""
import pathlib


def write_string_array(path: pathlib.Path, header: str, declaration: str, strings: list, per_line: int):
    """`header` (comment lines, then the type's opening line) and `declaration`
    (`static let name: [String]`), with `strings` quoted `per_line` a line; the file ends the type."""
    lines = []
    for start in range(0, len(strings), per_line):
        lines.append("        " + ", ".join(f'"{text}"' for text in strings[start:start + per_line]) + ",")
    path.write_text(header + "    " + declaration + " = [\n" + "\n".join(lines) + "\n    ]\n}\n", encoding="utf-8")
