"""Clean note text: terminal escapes, odd spaces, LaTeX and HTML decorations, smart dashes in CLI flags."""

from __future__ import annotations

import html
import re
import unicodedata

# Terminal escape sequences: CSI, OSC, DCS/SOS/PM/APC strings, two-byte escapes, 8-bit CSI.
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # every control character but tab
_ODD_SPACES: dict[int, str | None] = {
    c: " " for c in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029, 0x85)
}
_ODD_SPACES.update({c: " " for c in range(0x2000, 0x200B)})
_ODD_SPACES.update({c: None for c in (0x200B, 0x200C, 0x2060, 0xFEFF, 0x00AD)})
_ODD_SPACES.update({0x2010: "-", 0x2011: "-"})  # hyphen, non-breaking hyphen

_SYMBOLS = {
    "circ": "∘", "bullet": "•", "cdot": "·", "rightarrow": "→", "longrightarrow": "→", "to": "→",
    "Rightarrow": "⇒", "Longrightarrow": "⇒", "implies": "⇒", "leftarrow": "←", "longleftarrow": "←",
    "gets": "←", "Leftarrow": "⇐", "leftrightarrow": "↔", "Leftrightarrow": "⇔", "times": "×",
    "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "pm": "±",
    "ldots": "…", "dots": "…", "cdots": "…", "infty": "∞", "checkmark": "✓", "star": "*", "quad": " ",
    "qquad": " ", "uparrow": "↑", "downarrow": "↓", "div": "÷", "degree": "°", "%": "%", "$": "$",
}  # fmt: skip
_MATH = re.compile(r"\$([^$\n]{0,400}?\\[A-Za-z%$]+[^$\n]{0,400}?)\$")
_BARE = re.compile(
    r"\\("
    + "|".join(sorted((k for k in _SYMBOLS if k.isalpha()), key=len, reverse=True))
    + r")(?![A-Za-z])~?"
)
_TEXT_CMD = re.compile(
    r"\\(?:text|textbf|textit|mathrm|mathbf|mathit|emph|operatorname|substack)\{([^{}]*)\}"
)
_ANY_CMD = re.compile(r"\\([A-Za-z]+|[%$])")

_BLOCK_TAGS = "br|p|div|li|td|th|tr|hr|h[1-6]|ul|ol|table|blockquote|section|figure|figcaption|center|pre"
_INLINE_TAGS = (
    "a|abbr|b|big|cite|code|del|em|font|i|img|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var"
)
_TAG = re.compile(rf"<(/?)({_BLOCK_TAGS}|{_INLINE_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_BLOCK = re.compile(rf"^(?:{_BLOCK_TAGS})$", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)")
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")

# Character classes exclude the opening bracket too, so `[[[[…` cannot make these scan a line once per `[`.
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|!\[\[[^\[\]\n]*\]\]")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)(?:\s+\"[^\"\n]*\")?\)")
_WIKI = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_BLOCK_ID = re.compile(r"\s\^[A-Za-z0-9-]{2,}$")  # Obsidian block reference at the end of a line

# A smart dash stuck to a lowercase word, as word processors turn `--flag` into `–flag` or `—flag`.
_DASHED_FLAG = re.compile(r"(?<![\w\-–—−])[–—−]{1,2}([a-z][a-z0-9]*(?:-[a-z0-9]+)*)")
_CLI_HINT = re.compile(
    r"\b(?:aws|pip|npm|cli|sam|cdk|docker|git|kubectl|options?|flags?|parameters?|command)\b", re.I
)
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "−": "-"})
_SPACE_RUN = re.compile(r"[ \t]{2,}")


def prepare(raw: str) -> str:
    """Remove terminal escapes and control characters; map odd spaces to plain ones (tabs are kept)."""
    if raw.isascii() and raw.isprintable():  # the common case: nothing to clean (a tab is not printable)
        return raw
    if not raw.isascii():
        raw = unicodedata.normalize("NFC", raw).translate(_ODD_SPACES)
    if "\x1b" in raw or "\x9b" in raw:
        raw = _ESCAPE.sub("", raw)
    return _CONTROL.sub("", raw)


def latex(text: str) -> str:
    """Turn LaTeX fragments (`$\\circ~$`, `\\rightarrow`, `\\text{…}`) into the plain symbols they draw."""
    if "\\" not in text:
        return text
    text = _MATH.sub(lambda m: " " + _math(m.group(1)) + " ", text)
    return _BARE.sub(lambda m: _SYMBOLS[m.group(1)], text)


def _math(body: str) -> str:
    body = body.replace("\\\\", " ")
    for _ in range(3):
        body = _TEXT_CMD.sub(lambda m: " " + m.group(1) + " ", body)
    body = _ANY_CMD.sub(lambda m: _SYMBOLS.get(m.group(1), " "), body)
    body = re.sub(r"[{}_^~]", " ", body)
    return " ".join(body.split())


def markup(text: str) -> str:
    """Strip HTML tags and comments, decode common entities, drop images, keep link text and its URL."""
    if "<" in text:
        text = _COMMENT.sub("", text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub(lambda m: " " if _BLOCK.match(m.group(2)) else "", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: " " if m.group() == "&nbsp;" else html.unescape(m.group()), text)
    if "[" in text or "!" in text:
        text = _IMAGE.sub("", text)
        text = _WIKI.sub(lambda m: m.group(2) or m.group(1), text)
        text = _LINK.sub(lambda m: _link(m.group(1), m.group(2)), text)
    if "**" in text:
        text = _unwrap(text, "**")
    if "~~" in text:
        text = _unwrap(text, "~~")
    return text


def _unwrap(text: str, mark: str) -> str:
    """`**bold**` → `bold` (and `~~x~~`): pair the marks left to right, in one pass (a lazy regex is
    quadratic on a line full of unpaired marks)."""
    parts = text.split(mark)
    out = [parts[0]]
    i = 1
    while i < len(parts):
        inner = parts[i]
        if i + 1 < len(parts) and inner and not inner[0].isspace() and not inner[-1].isspace():
            out += [inner, parts[i + 1]]
            i += 2
        else:
            out.append(mark + inner)
            i += 1
    return "".join(out)


def _link(label: str, url: str) -> str:
    return f"{label} ({url})" if url.startswith(("http://", "https://")) and url != label else label


def flags(text: str) -> str:
    """`–page-size` → `--page-size`: undo smart dashes in command-line flags, and smart quotes in `code`."""
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: _fix_flags(m.group(), True).translate(_QUOTES), text)
    if not any(d in text for d in "–—−"):
        return text
    return _fix_flags(text, bool(_CLI_HINT.search(text)))


def _fix_flags(text: str, hint: bool) -> str:
    def fix(m: re.Match[str]) -> str:
        word = m.group(1)
        return f"--{word}" if hint or "-" in word else m.group()

    return _DASHED_FLAG.sub(fix, text)


def inline(text: str) -> str:
    """Everything a content line needs after `prepare`: decorations off, flags fixed, spaces collapsed."""
    text = flags(markup(latex(text)))
    if "^" in text:
        text = _BLOCK_ID.sub("", text)
    if "\t" in text or "  " in text:
        text = _SPACE_RUN.sub(" ", text.replace("\t", " "))
    return text.strip()


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or a lone CR, the way editors number lines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")
