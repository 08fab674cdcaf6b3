# io, written in ramba's own language: StringIO, an in-memory text file (print(..., file=buf) writes to
# it through its write method).


class StringIO:
    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not " + type(initial_value).__name__)
        self._text = initial_value
        self._pos = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '" + type(s).__name__ + "'")
        if self._pos > len(self._text):
            self._text = self._text + "\0" * (self._pos - len(self._text))
        self._text = self._text[:self._pos] + s + self._text[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return self._text

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._text)
        else:
            end = min(len(self._text), self._pos + size)
        result = self._text[self._pos:end]
        self._pos = max(self._pos, end)
        return result

    def readline(self, size=-1):
        self._check()
        end = self._text.find("\n", self._pos)
        end = len(self._text) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        result = self._text[self._pos:end]
        self._pos = max(self._pos, end)
        return result

    def readlines(self):
        lines = []
        line = self.readline()
        while line:
            lines.append(line)
            line = self.readline()
        return lines

    def __iter__(self):
        return iter(self.readlines())

    def seek(self, pos, whence=0):
        self._check()
        if whence == 1:
            pos = self._pos + pos
        elif whence == 2:
            pos = len(self._text) + pos
        if pos < 0:
            raise ValueError("Negative seek position " + str(pos))
        self._pos = pos
        return pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        self._text = self._text[:size]
        return size

    def close(self):
        self.closed = True

    def flush(self):
        pass

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False
