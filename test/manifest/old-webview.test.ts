/**
 * @jest-environment jsdom
 *
 * In Internet Explorer or the old Edge (Excel 2019 and older) the pane's bundle cannot run: the small
 * ES5 script before it says, in the person's language, which Excel to use; in a modern webview it does
 * nothing.
 */
import * as fs from 'fs';
import * as path from 'path';

const SCRIPT = fs.readFileSync(path.resolve(__dirname, '..', '..', 'src', 'taskpane', 'old-webview.js'), 'utf8');

function runIn(language: string, old: boolean): string {
  document.body.innerHTML = '<div id="container"></div>';
  Object.defineProperty(navigator, 'language', { value: language, configurable: true });
  const fromEntries = Object.fromEntries;
  if (old) delete (Object as { fromEntries?: unknown }).fromEntries; // as Internet Explorer 11 and EdgeHTML 18
  try {
    new Function(SCRIPT)();
  } finally {
    Object.fromEntries = fromEntries;
  }
  return document.getElementById('container')?.textContent ?? '';
}

describe('the page an old webview shows', () => {
  it('says which Excel to use, in Norwegian, Swedish or English', () => {
    expect(runIn('nb-NO', true)).toMatch(/Budsjettoppfølging trenger en nyere Excel.*Excel på nettet/);
    expect(runIn('sv-SE', true)).toMatch(/Budgetuppföljning behöver en nyare Excel/);
    expect(runIn('de-DE', true)).toMatch(/Budget Follow-up needs a newer Excel.*Excel on the web/);
  });

  it('does nothing in a modern webview', () => {
    expect(runIn('nb-NO', false)).toBe('');
  });

  it('is plain ES5 (no arrow functions, let/const, classes or template strings)', () => {
    const code = SCRIPT.replace(/\/\*[\s\S]*?\*\//g, '').replace(/'(?:[^'\\]|\\.)*'/g, "''");
    expect(code).not.toMatch(/=>|\blet\b|\bconst\b|\bclass\b|`/);
  });

  it('is loaded by the pane’s page before the bundle', () => {
    const page = fs.readFileSync(path.resolve(__dirname, '..', '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');
    expect(page).toMatch(/<script type="text\/javascript" src="old-webview.js"><\/script>/);
  });
});
