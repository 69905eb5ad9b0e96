#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kurs is Danish first: every message of the sources is in po/da.po,
translated and not fuzzy, its format directives matching, and every
source file with messages is listed in po/POTFILES.in (a file left out
would keep its messages English without anyone noticing).

The messages are extracted afresh from the sources, into a temporary
folder, so a message added without running kurs-update-po is caught too.
The glossary the translation keeps to is po/GLOSSARY.md; its rules that a
program can check are checked here as well.

Usage: check_po.py SOURCE_ROOT
"""

import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.getcwd()
failures = []


def fail(message):
    failures.append(message)
    print('not ok: ' + message)


# A literal message: _("…"), N_("…"), C_("ctx", "…"), g_dngettext (…, "…"),
# or translatable="yes" in a template.
C_MESSAGE = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(\s*"|g_dngettext\s*\(|ngettext\s*\(')
UI_MESSAGE = re.compile(r'translatable="yes"')


def files_with_messages():
    found = set()
    for top in ('src', 'ui'):
        for folder, _dirs, names in os.walk(os.path.join(ROOT, top)):
            for name in names:
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, ROOT)
                if name.endswith('.c'):
                    pattern = C_MESSAGE
                elif name.endswith('.ui'):
                    pattern = UI_MESSAGE
                else:
                    continue
                with open(path, encoding='utf-8') as source:
                    if pattern.search(source.read()):
                        found.add(relative)
    return found


def check_potfiles():
    with open(os.path.join(ROOT, 'po', 'POTFILES.in'), encoding='utf-8') as listing:
        listed = [line.strip() for line in listing if line.strip() and not line.startswith('#')]
    for path in listed:
        if not os.path.exists(os.path.join(ROOT, path)):
            fail('po/POTFILES.in lists %s, which does not exist' % path)
    for path in sorted(files_with_messages() - set(listed)):
        fail('%s has messages but is not in po/POTFILES.in' % path)
    return listed


def run(argv, **kwargs):
    result = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        fail('%s failed: %s' % (argv[0], result.stderr.strip()))
    return result


# The keywords of meson's "glib" preset, which builds kurs.pot
KEYWORDS = ['--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
            '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
            '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
            '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
            '--flag=g_set_error:4:c-format']


def parse_po(text):
    """The entries of a PO file as dicts: ctx, id, plural, str (list), flags."""
    entries = []
    for block in text.split('\n\n'):
        entry = {'ctx': None, 'id': None, 'plural': None, 'str': [], 'flags': [], 'obsolete': False}
        current = None
        for line in block.split('\n'):
            if line.startswith('#~'):
                entry['obsolete'] = True
                continue
            if line.startswith('#,'):
                entry['flags'] += [flag.strip() for flag in line[2:].split(',')]
                continue
            if line.startswith('#') or not line.strip():
                continue
            match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if match:
                keyword, value = match.groups()
                current = keyword
                value = unquote(value)
                if keyword == 'msgctxt':
                    entry['ctx'] = value
                elif keyword == 'msgid':
                    entry['id'] = value
                elif keyword == 'msgid_plural':
                    entry['plural'] = value
                else:
                    entry['str'].append(value)
            elif line.startswith('"') and current:
                value = unquote(line)
                if current == 'msgctxt':
                    entry['ctx'] += value
                elif current == 'msgid':
                    entry['id'] += value
                elif current == 'msgid_plural':
                    entry['plural'] += value
                else:
                    entry['str'][-1] += value
        if entry['id'] is not None and not entry['obsolete']:
            entries.append(entry)
    return entries


ESCAPES = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}


def unquote(quoted):
    return re.sub(r'\\(.)', lambda m: ESCAPES.get(m.group(1), m.group(1)), quoted[1:-1])


def check_catalog(listed):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'kurs.pot')
        run(['xgettext', '--package-name=kurs', '--from-code=UTF-8', '--add-comments', '-o', pot,
             '-D', ROOT] + KEYWORDS + listed)
        if failures:
            return
        merged = os.path.join(tmp, 'da.po')
        run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged,
             os.path.join(ROOT, 'po', 'da.po'), pot])
        if failures:
            return
        # -c: the format directives of each translation match its message's
        stats = run(['msgfmt', '-c', '--statistics', '-o', os.devnull, merged])
        print('# ' + stats.stderr.strip())
        with open(merged, encoding='utf-8') as merged_file:
            entries = parse_po(merged_file.read())
        with open(pot, encoding='utf-8') as pot_file:
            current = {(e['ctx'], e['id']) for e in parse_po(pot_file.read())}

    for entry in entries:
        name = entry['id'] if entry['ctx'] is None else '%s|%s' % (entry['ctx'], entry['id'])
        if entry['id'] == '':
            continue
        if (entry['ctx'], entry['id']) not in current:
            continue
        if 'fuzzy' in entry['flags']:
            fail('fuzzy translation of “%s”' % name)
        elif not entry['str'] or any(s == '' for s in entry['str']):
            fail('no translation of “%s”' % name)
    check_glossary(entries)


# The glossary's rules (po/GLOSSARY.md) that can be read off a translation:
# a Danish word the glossary rules out, wherever the English one is used.
RULED_OUT = [
    (re.compile(r'\bindicators?\b', re.I), re.compile(r'måleparamet|indikator', re.I),
     'indicator is “nøgletal”'),
    (re.compile(r'\boverdue\b', re.I), re.compile(r'forsinke', re.I),
     'overdue is “overskredet”, not “forsinket”'),
    (re.compile(r'\bon track\b', re.I), re.compile(r'på sporet', re.I),
     'on track is “planmæssig”'),
    (re.compile(r'\bfocus areas?\b', re.I), re.compile(r'fokusområde', re.I),
     'focus area is “indsatsområde”'),
    (re.compile(r'^Data release$'), re.compile(r'offentliggøres'),
     'kind names are nouns: “Dataudgivelse”'),
    (re.compile(r'\bfrozen\b', re.I), re.compile(r'frosse', re.I),
     'frozen is “låst”'),
]


def check_glossary(entries):
    for entry in entries:
        english = entry['id'] + ' ' + (entry['plural'] or '')
        danish = ' '.join(entry['str'])
        for source, wrong, rule in RULED_OUT:
            if source.search(english) and wrong.search(danish):
                fail('“%s” → “%s”: %s' % (entry['id'], danish, rule))
        if re.search(r'\bat risk\b', english, re.I) and re.search(r'\bi risiko\b(?! for forsinkelse)', danish):
            fail('“%s” → “%s”: at risk is “i risiko for forsinkelse”' % (entry['id'], danish))


def main():
    listed = check_potfiles()
    if not failures:
        check_catalog(listed)
    if failures:
        print('%d problem%s with the Danish translation' % (len(failures), '' if len(failures) == 1 else 's'))
        return 1
    print('ok: po/da.po translates every message, and keeps to the glossary')
    return 0


if __name__ == '__main__':
    sys.exit(main())
