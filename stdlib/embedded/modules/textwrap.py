# textwrap, written in ramba's own language: wrap, fill, shorten, dedent, indent (whitespace-separated
# words; long words are broken at the width as Python does by default).


def _words(text):
    return text.expandtabs().split()


def wrap(text, width=70, initial_indent="", subsequent_indent="", break_long_words=True, max_lines=None,
         placeholder=" [...]"):
    if width <= 0:
        raise ValueError("invalid width " + repr(width) + " (must be > 0)")
    words = _words(text)
    lines = []
    current = []
    length = 0
    indent = initial_indent
    i = 0
    while i < len(words):
        word = words[i]
        room = width - len(indent)
        needed = len(word) if not current else length + 1 + len(word)
        if needed <= room:
            current.append(word)
            length = needed
            i += 1
            continue
        if len(word) > room and break_long_words:
            # a word longer than a whole line fills what is left of this one
            cut = room - (length + 1 if current else 0)
            if not current:
                cut = max(cut, 1)
            if cut > 0:
                current.append(word[:cut])
                words[i] = word[cut:]
        elif not current:
            current.append(word)
            i += 1
        lines.append(indent + " ".join(current))
        indent = subsequent_indent
        current = []
        length = 0
    if current:
        lines.append(indent + " ".join(current))
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        while last and len(last) + len(placeholder) > width:
            parts = last.rsplit(" ", 1)
            last = parts[0] if len(parts) > 1 else ""
        if not last.strip():
            if len(kept) > 1:
                kept = kept[:-1]
                kept[-1] = kept[-1] + placeholder
            else:
                kept = [(initial_indent + placeholder.lstrip())]
        else:
            kept[-1] = last + placeholder
        lines = kept
    return lines


def fill(text, width=70, **kwargs):
    return "\n".join(wrap(text, width, **kwargs))


def shorten(text, width, placeholder=" [...]"):
    words = " ".join(_words(text))
    if len(words) <= width:
        return words
    if len(placeholder.lstrip()) > width:
        raise ValueError("placeholder too large for max width")
    result = ""
    for word in words.split(" "):
        candidate = word if not result else result + " " + word
        if len(candidate) + len(placeholder) > width:
            break
        result = candidate
    if not result:
        return placeholder.lstrip()
    return result + placeholder


def _leading(line):
    n = 0
    while n < len(line) and line[n] in " \t":
        n += 1
    return line[:n]


def dedent(text):
    lines = text.split("\n")
    margin = None
    for line in lines:
        if not line.strip():
            continue
        lead = _leading(line)
        if margin is None:
            margin = lead
        else:
            common = 0
            while common < len(margin) and common < len(lead) and margin[common] == lead[common]:
                common += 1
            margin = margin[:common]
    out = []
    for line in lines:
        if not line.strip():
            out.append("")
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return "\n".join(out)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        wanted = predicate(line) if predicate is not None else bool(line.strip())
        out.append(prefix + line if wanted else line)
    return "".join(out)
