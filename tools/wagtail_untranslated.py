"""List the Wagtail admin messages that have no Vietnamese translation yet.

Reads every English catalogue shipped with Wagtail (the full list of msgids),
Wagtail's own Vietnamese catalogue and ours, and writes the messages still
untranslated as a .po file to complete (``python tools/wagtail_untranslated.py out.po``).
"""

import sys
from pathlib import Path

import polib
import wagtail

ROOT = Path(__file__).resolve().parents[1]
OURS = ROOT / "src/lienhiep/core/wagtail_locale/vi/LC_MESSAGES"


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def translated(path):
    if not path.exists():
        return set()
    return {key(e) for e in polib.pofile(str(path)) if e.translated() and not e.obsolete}


def main(out, domain="django"):
    base = Path(wagtail.__file__).parent
    done = translated(OURS / f"{domain}.po")
    result = polib.POFile()
    result.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "vi",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    seen = set()
    for en in sorted(base.rglob(f"locale/en/LC_MESSAGES/{domain}.po")):
        theirs = translated(en.parents[2] / "vi/LC_MESSAGES" / f"{domain}.po")
        for e in polib.pofile(str(en)):
            k = key(e)
            if e.obsolete or not e.msgid or k in theirs or k in done or k in seen:
                continue
            seen.add(k)
            new = polib.POEntry(
                msgid=e.msgid,
                msgctxt=e.msgctxt,
                msgid_plural=e.msgid_plural,
                occurrences=e.occurrences[:2],
                flags=list(e.flags),
            )
            if e.msgid_plural:
                new.msgstr_plural = {0: ""}
            result.append(new)
    result.save(out)
    print(len(result), "untranslated")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "django")
