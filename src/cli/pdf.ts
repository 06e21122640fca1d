/**
 * The committee's PDF: the summary and the follow-up sheet of the generated workbook, printed by
 * LibreOffice headless (`soffice`). A copy of the workbook is made that prints those two sheets only,
 * the summary first; LibreOffice shows the figures the engine stored (it does not recalculate), in the
 * number style of the sheets' language. LibreOffice runs with a throw-away profile of its own, so it
 * neither touches a person's LibreOffice settings nor waits for a LibreOffice they have open.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { FollowUpError } from '../core/errors';
import type { OutputLanguage } from '../core/model';
import { XlsxWorkbook } from '../workbook/xlsx/workbook';

/** Where LibreOffice is found: on the PATH, else where its installers put it on macOS and Windows. */
const SOFFICE = ['soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'];

/** A big follow-up sheet takes LibreOffice a while to lay out; beyond this it is stuck. */
const TIMEOUT_MS = 300_000;

const LOCALES: Record<OutputLanguage, string> = { nb: 'nb-NO', sv: 'sv-SE', en: 'en-GB' };

const MISSING: Record<OutputLanguage, string> = {
  nb:
    'for å lage PDF trengs LibreOffice, men det ble ikke funnet (kommandoen soffice). Installer LibreOffice fra https://www.libreoffice.org/ ' +
    '(Debian/Ubuntu: apt-get install libreoffice-calc-nogui), eller lag PDF-en i Excel. Ingenting ble skrevet.',
  sv:
    'för att skapa PDF behövs LibreOffice, men det hittades inte (kommandot soffice). Installera LibreOffice från https://www.libreoffice.org/ ' +
    '(Debian/Ubuntu: apt-get install libreoffice-calc-nogui), eller skapa PDF:en i Excel. Inget skrevs.',
  en:
    'making the PDF needs LibreOffice, which was not found (the soffice command). Install LibreOffice from https://www.libreoffice.org/ ' +
    '(Debian/Ubuntu: apt-get install libreoffice-calc-nogui), or make the PDF in Excel. Nothing was written.',
};

const FAILED: Record<OutputLanguage, string> = {
  nb: 'LibreOffice klarte ikke å lage PDF-en; ingenting ble skrevet',
  sv: 'LibreOffice kunde inte skapa PDF:en; inget skrevs',
  en: 'LibreOffice could not make the PDF; nothing was written',
};

/** LibreOffice's settings for this run: no lock files, stored results shown as they are, the sheets' locale. */
function profileSettings(locale: string): string {
  const item = (p: string, name: string, value: string): string =>
    `<item oor:path="${p}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    item('/org.openoffice.Office.Common/Misc', 'UseLocking', 'false') +
    // 1: never recalculate on load: the PDF shows the engine's figures, stored with each formula.
    item('/org.openoffice.Office.Calc/Formula/Load', 'OOXMLRecalcMode', '1') +
    item('/org.openoffice.Setup/L10N', 'ooSetupSystemLocale', locale) +
    '</oor:items>'
  );
}

/** Runs LibreOffice on `file` into `outDir`; false when no LibreOffice was found. */
function convert(file: string, outDir: string, profile: string): { found: boolean; log: string } {
  for (const soffice of SOFFICE) {
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--invisible',
        '--nologo',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        file,
      ],
      { timeout: TIMEOUT_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
    );
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') continue;
    return { found: true, log: [run.error?.message, run.stdout, run.stderr].filter(Boolean).join('\n').trim() };
  }
  return { found: false, log: '' };
}

/**
 * The PDF of `sheets` (in that order) of the generated workbook `bytes`, in memory; nothing is written
 * where the user sees it. Throws a FollowUpError in the sheets' language when LibreOffice is missing or fails.
 */
export function printToPdf(bytes: Uint8Array, sheets: readonly string[], language: OutputLanguage): Uint8Array {
  const copy = XlsxWorkbook.open(bytes, 'followup.xlsx');
  copy.printOnly(sheets);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-pdf-'));
  try {
    const profile = path.join(dir, 'profile');
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), profileSettings(LOCALES[language]));
    const file = path.join(dir, 'followup.xlsx');
    fs.writeFileSync(file, copy.save());
    const { found, log } = convert(file, dir, profile);
    if (!found) throw new FollowUpError('not-found', MISSING[language]);
    const pdf = path.join(dir, 'followup.pdf');
    if (!fs.existsSync(pdf) || fs.statSync(pdf).size === 0)
      throw new FollowUpError('bad-input', `${FAILED[language]}${log ? `: ${log.split('\n').slice(-3).join(' ')}` : ''}`);
    return new Uint8Array(fs.readFileSync(pdf));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
