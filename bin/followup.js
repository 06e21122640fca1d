#!/usr/bin/env node
'use strict';
// The command line, built from src/cli by `npm ci` (the prepare script) or `npm run build:cli`: tsc's
// output in dist/src/, then the same in one file, dist/followup.js (webpack.cli.config.js), which
// starts faster. The one file runs when it was built after tsc's output; after a bare `tsc` it would
// be older code, so tsc's output runs instead.
const fs = require('fs');
const path = require('path');

const dist = path.join(__dirname, '..', 'dist');
const bundle = path.join(dist, 'followup.js');
const compiled = path.join(dist, 'src', 'cli', 'main.js');
const mtime = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const { main } = require(mtime(bundle) >= mtime(compiled) ? bundle : compiled);

main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}).then((code) => {
  process.exitCode = code;
});
