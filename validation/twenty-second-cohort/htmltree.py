"""A small DOM for the report's pages (stdlib html.parser): elements with tag, attrs, children."""
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "hr", "img", "input", "line", "rect", "polygon", "circle", "path",
        "polyline", "stop", "use", "area", "base", "col", "source", "wbr"}


class El:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        out = []
        for c in self.children:
            out.append(c if isinstance(c, str) else c.text())
        return "".join(out)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, El):
                yield from c.iter()

    def find_all(self, tag=None, **attrs):
        for e in self.iter():
            if (tag is None or e.tag == tag) and all(
                    (e.attrs.get(k.rstrip("_")) == v if v is not True else k.rstrip("_") in e.attrs)
                    for k, v in attrs.items()):
                yield e

    def find(self, tag=None, **attrs):
        return next(self.find_all(tag, **attrs), None)

    def by_id(self, ident):
        return next((e for e in self.iter() if e.attrs.get("id") == ident), None)

    def cells(self):
        return [c for c in self.children if isinstance(c, El) and c.tag in ("td", "th")]


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = El("#root", [], None)
        self.cur = self.root
        self.unclosed = []

    def handle_starttag(self, tag, attrs):
        e = El(tag, attrs, self.cur)
        self.cur.children.append(e)
        if tag not in VOID:
            self.cur = e

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(El(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        e = self.cur
        while e is not None and e.tag != tag:
            e = e.parent
        if e is None:
            self.unclosed.append(tag)
            return
        self.cur = e.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(text):
    p = _Parser()
    p.feed(text)
    p.close()
    return p.root


def rows(table):
    """The body rows of a table element (tr under tbody, or every tr without th cells)."""
    if table is None:
        return []
    body = table.find("tbody") or table
    return [tr for tr in body.find_all("tr") if not any(c.tag == "th" for c in tr.cells())]
