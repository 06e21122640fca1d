#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * A tiny static server for the preview page (dist/preview/, built by `npm run build:preview`): plain
 * http on the loopback interface only, the page's own files, the page's content security policy also
 * as a header. Used by `npm run preview` and by the end-to-end tests (test/e2e/).
 *
 *   node scripts/serve-preview.js [--port 8080] [--root dist/preview]
 */
const fs = require('fs');
const http = require('http');
const path = require('path');

const DEFAULT_ROOT = path.resolve(__dirname, '..', 'dist', 'preview');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1:`port` (0: a free port). Resolves to { url, server, close() }.
 * `csp`: the Content-Security-Policy header for the HTML pages (default: the preview's).
 */
function startServer({ root = DEFAULT_ROOT, port = 8080, host = '127.0.0.1', csp } = {}) {
  const policy = csp ?? require('../webpack.preview.config.js').previewContentSecurityPolicy();
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', { Allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden');
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) return send(404, 'not found');
      const ext = path.extname(file).toLowerCase();
      const headers = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Content-Length': String(stat.size),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        // Hashed bundle names never change content; the pages always revalidate.
        'Cache-Control': /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (ext === '.html') Object.assign(headers, { 'Content-Security-Policy': policy, 'X-Frame-Options': 'DENY' });
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${address.port}/`;
      resolve({
        url,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const root = path.resolve(argValue('--root') ?? DEFAULT_ROOT);
  const port = Number(argValue('--port') ?? process.env.PORT ?? 8080);
  if (!fs.existsSync(path.join(root, 'preview.html'))) {
    console.error(`${root} has no preview.html: run \`npm run build:preview\` first`);
    process.exit(1);
  }
  startServer({ root, port }).then(
    ({ url }) => console.log(`Budget Follow-up preview: ${url}preview.html  (serving ${path.relative(process.cwd(), root) || '.'}; Ctrl+C stops)`),
    (e) => {
      console.error(e.code === 'EADDRINUSE' ? `port ${port} is in use: try --port <another>` : e.message);
      process.exit(1);
    },
  );
}

module.exports = { startServer, DEFAULT_ROOT };
