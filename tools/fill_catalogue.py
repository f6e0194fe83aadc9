"""Fill msgstrs of a .po file from a Python dict ``T`` (msgid or (msgctxt, msgid) → msgstr).

``python tools/fill_catalogue.py catalogue.po translations.py`` — reports what is left empty.
"""

import runpy
import sys

import polib


def main(po_path, dict_path):
    table = runpy.run_path(dict_path)["T"]
    po = polib.pofile(po_path)
    missing = []
    for entry in po:
        key = (entry.msgctxt, entry.msgid) if entry.msgctxt else entry.msgid
        if key in table:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: table[key]}
            else:
                entry.msgstr = table[key]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        elif not entry.translated():
            missing.append(key)
    po.metadata_is_fuzzy = False
    po.header = "Vietnamese catalogue of lienhiep.\nThis file is distributed under the same licence as lienhiep."
    po.metadata["Project-Id-Version"] = "lienhiep"
    po.metadata["Last-Translator"] = "lienhiep <dev@lienhiep.example>"
    po.metadata["Language-Team"] = "Vietnamese"
    po.metadata["PO-Revision-Date"] = po.metadata.get("POT-Creation-Date", "")
    po.metadata["Language"] = "vi"
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.save()
    for key in missing:
        print("missing:", key)
    return len(missing)


if __name__ == "__main__":
    sys.exit(1 if main(*sys.argv[1:3]) else 0)
