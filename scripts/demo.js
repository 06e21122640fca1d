#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: generates the follow-up for both example workbooks (Norwegian and Swedish) with the
 * command line, writing the workbooks and JSON reports to out/, and prints the summaries.
 */
const fs = require('fs');
const path = require('path');
const { main } = require('../dist/src/cli/main.js');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out');
fs.mkdirSync(out, { recursive: true });

const examples = [
  ['helse-og-omsorg-2024-04.xlsx', ['--lang', 'nb', '--forecast', 'deviation-run-rate']],
  ['vard-och-omsorg-2024-04.xlsx', ['--lang', 'sv', '--forecast', 'budget-profile']],
];

(async () => {
  for (const [file, extra] of examples) {
    const base = file.replace(/\.xlsx$/, '');
    const args = [
      'generate',
      path.join(root, 'examples', file),
      '-o', path.join(out, `${base}.followup.xlsx`),
      '--json', path.join(out, `${base}.followup.json`),
      ...extra,
    ];
    process.stdout.write(`\n$ followup ${args.map((a) => path.relative(root, a) || a).join(' ')}\n`);
    const code = await main(args, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
    if (code !== 0) {
      process.exitCode = code;
      return;
    }
  }
  process.stdout.write(`\nOpen the workbooks in out/ to see the follow-up sheets.\n`);
})();
