/**
 * The preview bundle (dist/preview/, `npm run build:preview`): built when missing or older than its
 * sources, else reused. Shared by the end-to-end tests and the benchmark, which both drive the page.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The sources of the preview bundle, from the repository: a change to any of them makes dist/preview/ stale. */
const INPUTS = [
  'src/core',
  'src/report',
  'src/workbook',
  'src/taskpane',
  'assets/icon-32.png',
  'webpack.config.js',
  'webpack.preview.config.js',
  'tsconfig.json',
  'package-lock.json',
];

export const previewDir = (root: string): string => path.join(root, 'dist', 'preview');

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** The bundle's scripts as preview.html names them, all present; else null. */
function builtScripts(dir: string): string[] | null {
  const html = path.join(dir, 'preview.html');
  if (!fs.existsSync(html)) return null;
  const scripts = [...fs.readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
  return scripts.length > 0 && scripts.every((s) => fs.existsSync(path.join(dir, s))) ? scripts : null;
}

/** Builds `root`'s dist/preview/ (`npm run build:preview`) unless it is newer than every input. */
export function ensurePreviewBuilt(root: string): { built: boolean; ms: number } {
  const started = Date.now();
  const dir = previewDir(root);
  const html = path.join(dir, 'preview.html');
  const inputs = Math.max(
    ...INPUTS.map((i) => path.join(root, i))
      .filter((p) => fs.existsSync(p))
      .map(newestMtime),
  );
  if (builtScripts(dir) && fs.statSync(html).mtimeMs > inputs) return { built: false, ms: 0 };
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  const r = spawnSync(process.execPath, [cli, '--config', 'webpack.preview.config.js', '--mode', 'production'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !builtScripts(dir)) throw new Error(`building the preview bundle failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { built: true, ms: Date.now() - started };
}
