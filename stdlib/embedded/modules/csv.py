# csv, written in ramba's own language: reader, writer, DictReader, DictWriter over any iterable of
# lines and any object with write() (files from open(), io.StringIO), in Python's default dialect.

QUOTE_MINIMAL = 0
QUOTE_ALL = 1
QUOTE_NONNUMERIC = 2
QUOTE_NONE = 3


class Error(Exception):
    pass


def _parse_line(line, delimiter, quotechar, pending):
    # Splits one line into fields; `pending` carries a quoted field open across lines.
    fields = pending[0]
    field = pending[1]
    in_quotes = pending[2]
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if in_quotes:
            if ch == quotechar:
                if i + 1 < n and line[i + 1] == quotechar:
                    field += quotechar
                    i += 2
                    continue
                in_quotes = False
            else:
                field += ch
        elif ch == quotechar and field == "":
            in_quotes = True
        elif ch == delimiter:
            fields.append(field)
            field = ""
        elif ch == "\n" or ch == "\r":
            pass
        else:
            field += ch
        i += 1
    return (fields, field, in_quotes)


class reader:
    def __init__(self, lines, delimiter=",", quotechar='"', skipinitialspace=False, quoting=QUOTE_MINIMAL, **kwargs):
        self._lines = iter(lines)
        self.delimiter = delimiter
        self.quotechar = quotechar
        self.skipinitialspace = skipinitialspace
        self.quoting = quoting
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        state = ([], "", False)
        started = False
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if state[2]:
                    raise Error("unexpected end of data")
                if started:
                    break
                raise StopIteration
            self.line_num += 1
            if not started and line.strip("\r\n") == "":
                if line == "" or line in ("\n", "\r\n"):
                    return []
            started = True
            state = _parse_line(line, self.delimiter, self.quotechar, state)
            if not state[2]:
                break
        fields = state[0] + [state[1]]
        if self.skipinitialspace:
            fields = [f.lstrip(" ") for f in fields]
        if self.quoting == QUOTE_NONNUMERIC:
            fields = [float(f) if f else f for f in fields]
        return fields


class writer:
    def __init__(self, out, delimiter=",", quotechar='"', lineterminator="\r\n", quoting=QUOTE_MINIMAL, **kwargs):
        self._out = out
        self.delimiter = delimiter
        self.quotechar = quotechar
        self.lineterminator = lineterminator
        self.quoting = quoting

    def _field(self, value):
        if value is None:
            text = ""
        elif isinstance(value, float):
            text = repr(value)
        else:
            text = str(value)
        quote = self.quoting == QUOTE_ALL or (self.quoting == QUOTE_NONNUMERIC and not isinstance(value, (int, float)))
        if self.quoting != QUOTE_NONE and not quote:
            for special in (self.delimiter, self.quotechar, "\n", "\r"):
                if special in text:
                    quote = True
        if quote:
            return self.quotechar + text.replace(self.quotechar, self.quotechar + self.quotechar) + self.quotechar
        return text

    def writerow(self, row):
        line = self.delimiter.join([self._field(v) for v in row]) + self.lineterminator
        return self._out.write(line)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class DictReader:
    def __init__(self, lines, fieldnames=None, restkey=None, restval=None, **kwargs):
        self._reader = reader(lines, **kwargs)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self._reader)
            except StopIteration:
                pass
        return self._fieldnames

    def __iter__(self):
        return self

    def __next__(self):
        names = self.fieldnames
        row = next(self._reader)
        while row == []:
            row = next(self._reader)
        result = dict(zip(names, row))
        if len(row) > len(names):
            result[self.restkey] = row[len(names):]
        for name in names[len(row):]:
            result[name] = self.restval
        return result


class DictWriter:
    def __init__(self, out, fieldnames, restval="", extrasaction="raise", **kwargs):
        self.fieldnames = list(fieldnames)
        self.restval = restval
        self.extrasaction = extrasaction
        self._writer = writer(out, **kwargs)

    def writeheader(self):
        return self._writer.writerow(self.fieldnames)

    def writerow(self, row):
        if self.extrasaction == "raise":
            wrong = [k for k in row if k not in self.fieldnames]
            if wrong:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(k) for k in wrong]))
        return self._writer.writerow([row.get(k, self.restval) for k in self.fieldnames])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)
