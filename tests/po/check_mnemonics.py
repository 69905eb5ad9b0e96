#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every menu's keyboard letters (the underlined mnemonics) are its own,
in English and in Danish: two items with one letter leave the keyboard
at the first of them (a new "Connect to a _Server…" once took the S of
"Export as _Spreadsheet…").

Usage: check_mnemonics.py SOURCE_ROOT"""

import os
import re
import sys
import xml.etree.ElementTree as ElementTree


def translations(po_path):
    """msgid → msgstr of the .po file, plain messages only"""
    found = {}
    text = open(po_path, encoding="utf-8").read()
    for block in text.split("\n\n"):
        if "#, fuzzy" in block:
            continue
        ids = re.findall(r'^msgid ((?:".*"\n?)+)', block, re.M)
        strs = re.findall(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if ids and strs:
            join = lambda s: "".join(re.findall(r'"(.*)"', s)).replace('\\"', '"')
            found[join(ids[0])] = join(strs[0])
    return found


def mnemonic(label):
    match = re.search(r"_(.)", label)
    return match.group(1).lower() if match else None


def menus(ui_path):
    """Each <menu> and <submenu>: the labels of the items directly in it,
    its sections' included"""
    root = ElementTree.parse(ui_path).getroot()
    for menu in root.iter():
        if menu.tag not in ("menu", "submenu"):
            continue
        labels = []
        for child in menu:
            items = [child] if child.tag == "item" else child.findall("item") if child.tag == "section" else []
            items += child.findall("submenu") if child.tag == "section" else []
            for item in items:
                for attribute in item.findall("attribute"):
                    if attribute.get("name") == "label":
                        labels.append(attribute.text)
        if labels:
            yield menu.get("id") or "menu", labels


def main(root):
    danish = translations(os.path.join(root, "po", "da.po"))
    failed = 0
    for name in sorted(os.listdir(os.path.join(root, "ui"))):
        if not name.endswith(".ui"):
            continue
        for menu, labels in menus(os.path.join(root, "ui", name)):
            for language, texts in (("English", labels), ("Danish", [danish.get(l, l) for l in labels])):
                seen = {}
                for text in texts:
                    letter = mnemonic(text)
                    if letter is None:
                        continue
                    if letter in seen:
                        print(f"not ok: {name} {menu} ({language}): “{seen[letter]}” and “{text}” share _{letter}")
                        failed += 1
                    seen[letter] = text
    print("ok: every menu's letters are its own" if failed == 0 else f"{failed} shared letters")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
