/* eslint-disable no-undef */
/**
 * The preview page: the task pane in any browser, outside Office (src/taskpane/preview.tsx). Built from
 * the add-in's own webpack configuration (same loaders and resolution, so the same components and
 * pipeline), as its own static site in dist/preview/ with a stricter content security policy: no
 * Office.js and no network at all.
 *
 *   npm run build:preview   production bundle in dist/preview/
 *   npm run preview         that, then serves it on http://localhost:8080/ (scripts/serve-preview.js)
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const addin = require('./webpack.config.js');

const OUTPUT = path.resolve(__dirname, 'dist', 'preview');

/**
 * The preview's content security policy: the page's own files only. It reads the workbook from a file
 * the user picks and hands the result back as a download of a blob: URL, which no fetch directive
 * governs (a navigation, not a request), so connect-src stays 'none': the page connects nowhere.
 */
function previewContentSecurityPolicy() {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

module.exports = async (env = {}, options = {}) => {
  const base = await addin({ ...env, WEBPACK_SERVE: false }, options);
  return {
    mode: base.mode,
    devtool: base.devtool,
    entry: { preview: './src/taskpane/preview.tsx' },
    output: { ...base.output, path: OUTPUT, clean: true },
    resolve: base.resolve,
    module: base.module,
    optimization: { runtimeChunk: 'single', splitChunks: { chunks: 'all' } },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/taskpane/preview.html',
        chunks: ['preview'],
        // Emitted as icon-32.png beside the page; the page's header shows it too.
        favicon: './assets/icon-32.png',
        templateParameters: { csp: previewContentSecurityPolicy() },
      }),
      // index.html too, so that the site's root opens the page.
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/taskpane/preview.html',
        chunks: ['preview'],
        favicon: './assets/icon-32.png',
        templateParameters: { csp: previewContentSecurityPolicy() },
      }),
    ],
  };
};

module.exports.OUTPUT = OUTPUT;
module.exports.previewContentSecurityPolicy = previewContentSecurityPolicy;
