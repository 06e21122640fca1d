#!/usr/bin/python3
"""Usage: /usr/bin/python3 test/tools/lo_type.py in.xlsx out.xlsx EDITS.json

Plays a person at the keyboard in LibreOffice: opens in.xlsx in a private headless LibreOffice
(../shared/tools/lo_uno.py), types each edit into its cell and saves as .xlsx. EDITS.json is a list of
{"sheet": "Oppfølging 2024-04", "cell": "N5", "text": "..."} or {"sheet", "cell", "number": 1.5}.
Used by the regeneration tests: text typed between two runs must survive the second run.
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', '..', 'shared', 'tools'))
import uno  # noqa: E402,F401
import lo_uno  # noqa: E402


def main():
    src, dst, edits_file = sys.argv[1:4]
    with open(edits_file, encoding='utf-8') as f:
        edits = json.load(f)
    with lo_uno.Office() as lo:
        doc = lo_uno.load(lo.desktop, src, read_only=False)
        sheets = doc.Sheets
        for e in edits:
            cell = sheets.getByName(e['sheet']).getCellRangeByName(e['cell'])
            if 'text' in e:
                cell.setString(e['text'])
            else:
                cell.setValue(e['number'])
        url = uno.systemPathToFileUrl(os.path.abspath(dst))
        doc.storeToURL(url, lo_uno.props(FilterName='Calc Office Open XML'))
        doc.close(True)


if __name__ == '__main__':
    main()
