"""Read a rendered form's values as a browser would submit them."""

from html.parser import HTMLParser


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.current = None
        self.select = None
        self.multiple = False
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = {}
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.current[a["name"]] = a.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
            self.multiple = "multiple" in a
            self.current[self.select] = [] if self.multiple else None
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if self.multiple:
                if "selected" in a:
                    self.current[self.select].append(value)
            elif "selected" in a or self.current[self.select] is None:
                self.current[self.select] = value  # the selected option, else the first
        elif tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self.current[self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.current is not None:
            self.current[self.textarea] += data


def form_values(html, containing):
    """The values of the first form that has a field named ``containing``."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if containing in form:
            return {name: "" if value is None else value for name, value in form.items()}
    raise AssertionError(f"no form with a field {containing!r}")
