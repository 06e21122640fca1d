#!/usr/bin/env bash
# Renders the generated follow-up sheets of `npm run demo` (out/) to PNG for README, through
# LibreOffice (../shared/tools/xlsx_render.sh) as a user would see them printed.
# Usage: scripts/render-screenshots.sh   (after npm run demo; needs LibreOffice and poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
tools=../shared/tools
shots=examples/screenshots
mkdir -p "$shots"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
render() { # workbook locale sheet-index name
  "$tools/xlsx_render.sh" --single-page --locale "$2" "$1" "$tmp/$4" >/dev/null
  pdf=$(ls "$tmp/$4"/*.pdf)
  pdftoppm -f "$3" -l "$3" -r 110 -png "$pdf" "$tmp/$4/page"
  cp "$(ls "$tmp/$4"/page*.png | head -1)" "$shots/$4.png"
  echo "$shots/$4.png"
}
# nb sheets: 1 ledger, 2 actuals, 3 budget, 4 measures table, 5 follow-up, 6 measures, 7 charts, 8 checks;
# sv: the same with the hand-typed report as 5, so 6 follow-up, 8 charts and 9 checks
render out/helse-og-omsorg-2024-04.followup.xlsx nb-NO 5 oppfolging-nb
render out/helse-og-omsorg-2024-04.followup.xlsx nb-NO 6 tiltak-nb
render out/helse-og-omsorg-2024-04.followup.xlsx nb-NO 7 grafer-nb
render out/helse-og-omsorg-2024-04.followup.xlsx nb-NO 8 kontroller-nb
render out/vard-och-omsorg-2024-04.followup.xlsx sv-SE 6 uppfoljning-sv
render out/vard-och-omsorg-2024-04.followup.xlsx sv-SE 9 kontroller-sv
