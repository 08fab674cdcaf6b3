# pathlib, written in ramba's own language: Path (PosixPath) over the os and os.path modules.
import os


def _match(name, pattern):
    # fnmatch's '*', '?' and '[...]' on one path component
    if not pattern:
        return not name
    head = pattern[0]
    if head == "*":
        for i in range(len(name) + 1):
            if _match(name[i:], pattern[1:]):
                return True
        return False
    if not name:
        return False
    if head == "?":
        return _match(name[1:], pattern[1:])
    if head == "[":
        end = pattern.find("]", 1)
        if end > 0:
            chars = pattern[1:end]
            negate = chars.startswith("!")
            if negate:
                chars = chars[1:]
            hit = False
            i = 0
            while i < len(chars):
                if i + 2 < len(chars) and chars[i + 1] == "-":
                    if chars[i] <= name[0] <= chars[i + 2]:
                        hit = True
                    i += 3
                else:
                    if chars[i] == name[0]:
                        hit = True
                    i += 1
            if hit == negate:
                return False
            return _match(name[1:], pattern[end + 1:])
    return head == name[0] and _match(name[1:], pattern[1:])


class PurePath:
    def __init__(self, *parts):
        text = ""
        for part in parts:
            if isinstance(part, PurePath):
                part = part._text
            elif not isinstance(part, str):
                raise TypeError("expected str, bytes or os.PathLike object, not " + type(part).__name__)
            if part.startswith("/"):
                text = part
            elif part:
                text = part if not text or text == "." else (text.rstrip("/") + "/" + part if text != "/" else "/" + part)
        self._text = _normalise(text)

    def __str__(self):
        return self._text

    def __fspath__(self):
        return self._text

    def __repr__(self):
        return "PosixPath(" + repr(self._text) + ")"

    def __truediv__(self, other):
        return type(self)(self, other)

    def __rtruediv__(self, other):
        return type(self)(other, self)

    def __eq__(self, other):
        return isinstance(other, PurePath) and self._text == other._text

    def __hash__(self):
        return hash(self._text)

    def __lt__(self, other):
        return self._text < other._text

    @property
    def parts(self):
        if self._text == ".":
            return ()
        if self._text.startswith("/"):
            return ("/",) + tuple([p for p in self._text[1:].split("/") if p])
        return tuple(self._text.split("/"))

    @property
    def name(self):
        if self._text in (".", "/"):
            return ""
        return self._text.rsplit("/", 1)[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        suffix = self.suffix
        return name[:len(name) - len(suffix)] if suffix else name

    @property
    def parent(self):
        if self._text in (".", "/"):
            return self
        if "/" not in self._text:
            return type(self)(".")
        head = self._text.rsplit("/", 1)[0]
        return type(self)(head if head else "/")

    @property
    def parents(self):
        result = []
        p = self
        while p.parent != p:
            p = p.parent
            result.append(p)
        return tuple(result)

    def is_absolute(self):
        return self._text.startswith("/")

    def joinpath(self, *parts):
        return type(self)(self, *parts)

    def with_name(self, name):
        if not self.name:
            raise ValueError(repr(self) + " has an empty name")
        return self.parent / name

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if suffix and (not suffix.startswith(".") or suffix == "."):
            raise ValueError("Invalid suffix " + repr(suffix))
        return self.with_name(self.stem + suffix)

    def as_posix(self):
        return self._text

    def match(self, pattern):
        names = [p for p in self._text.split("/") if p]
        pats = [p for p in pattern.split("/") if p]
        if len(pats) > len(names):
            return False
        for name, pat in zip(names[len(names) - len(pats):], pats):
            if not _match(name, pat):
                return False
        return True


def _normalise(text):
    if not text:
        return "."
    absolute = text.startswith("/")
    parts = [p for p in text.split("/") if p and p != "."]
    joined = "/".join(parts)
    if absolute:
        return "/" + joined
    return joined if joined else "."


class Path(PurePath):
    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser("~"))

    def exists(self):
        return os.path.exists(self._text)

    def is_file(self):
        return os.path.isfile(self._text)

    def is_dir(self):
        return os.path.isdir(self._text)

    def absolute(self):
        return type(self)(os.path.abspath(self._text))

    def resolve(self):
        return type(self)(os.path.realpath(self._text))

    def expanduser(self):
        return type(self)(os.path.expanduser(self._text))

    def open(self, mode="r", **kwargs):
        return open(self._text, mode, **kwargs)

    def read_text(self, encoding=None):
        with open(self._text) as f:
            return f.read()

    def write_text(self, data, encoding=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not " + type(data).__name__)
        with open(self._text, "w") as f:
            return f.write(data)

    def mkdir(self, mode=511, parents=False, exist_ok=False):
        if os.path.exists(self._text):
            if exist_ok and os.path.isdir(self._text):
                return
            raise FileExistsError("[Errno 17] File exists: " + repr(self._text))
        if parents:
            os.makedirs(self._text)
        else:
            os.mkdir(self._text)

    def unlink(self, missing_ok=False):
        if missing_ok and not os.path.exists(self._text):
            return
        os.remove(self._text)

    def rmdir(self):
        os.rmdir(self._text)

    def rename(self, target):
        os.rename(self._text, str(target))
        return type(self)(target)

    def stat_size(self):
        return os.path.getsize(self._text)

    def iterdir(self):
        return iter([self / name for name in sorted(os.listdir(self._text))])

    def glob(self, pattern):
        return iter(self._glob([p for p in pattern.split("/") if p]))

    def rglob(self, pattern):
        return iter(self._glob(["**"] + [p for p in pattern.split("/") if p]))

    def _glob(self, pats):
        if not pats:
            return [self]
        head = pats[0]
        rest = pats[1:]
        if not self.is_dir():
            return []
        result = []
        if head == "**":
            result.extend(self._glob(rest))
            for name in sorted(os.listdir(self._text)):
                child = self / name
                if child.is_dir():
                    result.extend(child._glob(pats))
            return result
        for name in sorted(os.listdir(self._text)):
            if _match(name, head) and not (name.startswith(".") and not head.startswith(".")):
                child = self / name
                if rest:
                    result.extend(child._glob(rest))
                else:
                    result.append(child)
        return result


PosixPath = Path
PurePosixPath = PurePath
