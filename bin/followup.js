#!/usr/bin/env node
'use strict';
// The command line, compiled from src/cli by `npm ci` (the prepare script).
const { main } = require('../dist/src/cli/main.js');

main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}).then((code) => {
  process.exitCode = code;
});
