#!/usr/bin/env bash
# Renders the sheets `npm run demo` writes (out/) as they print, through LibreOffice
# (../shared/tools/xlsx_render.sh: the sheets' own page setup, A4 landscape): for each written sheet
# in Norwegian and Swedish, its printed pages as a PDF and its first page as a PNG for README.
# Usage: scripts/render-screenshots.sh   (after npm run demo; needs LibreOffice and poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
tools=../shared/tools
shots=examples/screenshots
mkdir -p "$shots"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# First page (1-based) whose first line starts with the title, or empty.
first_page() { # pdf title-regex
  local pages i line
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for ((i = 1; i <= pages; i++)); do
    # The first line read whole before it is matched: under pipefail, a reader that stops early
    # (sed q, grep -q) makes pdftotext fail with SIGPIPE, and a match would count as none.
    line=$(pdftotext -f "$i" -l "$i" -layout "$1" - | awk 'NR == 1 {sub(/^ */, ""); print}')
    if grep -Eq "$2" <<<"$line"; then echo "$i"; return; fi
  done
}
# The generated sheets come last, in this order: follow-up, measures, charts, committee summary, month by month, checks.
render() { # workbook locale follow-up-name measures-name charts-name summary-name months-name checks-name, then the six titles
  local book=$1 locale=$2 out="$tmp/$3" pdf f m g s n c last
  "$tools/xlsx_render.sh" --locale "$locale" "$book" "$out" >/dev/null
  pdf=$(ls "$out"/*.pdf)
  last=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  f=$(first_page "$pdf" "$9"); m=$(first_page "$pdf" "${10}"); g=$(first_page "$pdf" "${11}"); s=$(first_page "$pdf" "${12}")
  n=$(first_page "$pdf" "${13}"); c=$(first_page "$pdf" "${14}")
  pages "$pdf" "$f" $((m - 1)) "$3"
  pages "$pdf" "$m" $((g - 1)) "$4"
  pages "$pdf" "$g" $((s - 1)) "$5"
  pages "$pdf" "$s" $((n - 1)) "$6"
  pages "$pdf" "$n" $((c - 1)) "$7"
  pages "$pdf" "$c" "$last" "$8"
}

pages() { # pdf first last name
  local dir="$tmp/pages-$4"
  mkdir -p "$dir"
  pdfseparate -f "$2" -l "$3" "$1" "$dir/p-%03d.pdf"
  pdfunite "$dir"/p-*.pdf "$shots/$4.pdf"
  pdftoppm -f "$2" -l "$2" -r 110 -png -singlefile "$1" "$shots/$4"
  echo "$shots/$4.png, $shots/$4.pdf ($(($3 - $2 + 1)) pages)"
}

render out/helse-og-omsorg-2024-04.followup.xlsx nb-NO oppfolging-nb tiltak-nb grafer-nb sammendrag-nb maned-for-maned-nb kontroller-nb \
  '^Budsjettoppfølging ' '^Tiltak( —|$)' '^Grafer' '^Sammendrag for utvalget' '^Måned for måned' '^Kontroller for revisor'
render out/vard-och-omsorg-2024-04.followup.xlsx sv-SE uppfoljning-sv atgarder-sv diagram-sv sammanfattning-sv manad-for-manad-sv kontroller-sv \
  '^Budgetuppföljning ' '^Åtgärder( —|$)' '^Diagram' '^Sammanfattning för nämnden' '^Månad för månad' '^Kontroller för granskare'
