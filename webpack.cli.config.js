/* eslint-disable no-undef */
/**
 * The command line in one file, dist/followup.js, which bin/followup.js runs. Built by `npm ci` (the
 * prepare script) and `npm run build:cli` from tsc's output in dist/src/ (so no second compiler and
 * the same JavaScript the tests' tools run), after `tsc -p tsconfig.build.json`.
 *
 * Why one file: a cold `followup generate` otherwise looks up, reads and compiles about a hundred
 * modules one by one (node's resolution, a file read and a package.json lookup each) before it starts
 * on the workbook; one file takes about a third off the CPU of loading the code (the commit that added
 * this file has the figures). Not minified: minifying took half a minute at install for about 10 ms
 * more, and a stack trace (FOLLOWUP_DEBUG=1) should still read as the code. Bundling the sources as ES
 * modules instead (ts-loader, so webpack can join them) loaded no faster.
 */
const path = require('path');
const webpack = require('webpack');

module.exports = {
  mode: 'production',
  target: 'node20',
  entry: path.resolve(__dirname, 'dist', 'src', 'cli', 'main.js'),
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'followup.js',
    library: { type: 'commonjs2' },
    // Written on every build, even unchanged: bin/followup.js runs it only when newer than tsc's output.
    compareBeforeEmit: false,
  },
  optimization: { minimize: false },
  devtool: false,
  // The build's size summary is noise at `npm ci`; errors and warnings still print.
  stats: 'errors-warnings',
  plugins: [
    // xmldom's entities with the HTML table made when first asked for (see the module): a cold start
    // took about 25 ms less CPU.
    new webpack.NormalModuleReplacementPlugin(/^\.\/entities$/, (resource) => {
      if (/[\\/]@xmldom[\\/]xmldom[\\/]lib$/.test(resource.context)) resource.request = path.resolve(__dirname, 'scripts', 'xmldom-entities.js');
    }),
  ],
};
