/** A generated sheet's name: its word and the report month (`Oppfølging 2024-04`), or the word alone without one. */
export function sheetName(word: string, period: string | null): string {
  return period ? `${word} ${period}` : word;
}
