/* eslint-disable no-undef */
/**
 * The add-in's bundle, as in Microsoft's Office add-in templates: the task pane (React + Fluent UI) and
 * the ribbon's function in one page, taskpane.html, which is also the add-in's shared runtime (see
 * manifest.xml: the ribbon's "Generate follow-up" opens the pane, which needs the shared runtime, and
 * there the function file must be the pane's page, so there is no separate commands.html).
 *
 *   npm run build       production bundle in dist/addin/ (dist/ itself holds the compiled command line),
 *                       manifest URLs swapped to the address in BUDGET_FOLLOWUP_URL (required: the
 *                       build refuses a missing or placeholder address), no source maps
 *   npm run build:dev   development bundle with source maps
 *   npm run dev-server  https://localhost:3000/ with office-addin-dev-certs' trusted certificate
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const URL_DEV = 'https://localhost:3000/';
/** Where the built add-in is deployed: from the environment at build time, never a placeholder. */
const URL_ENV = 'BUDGET_FOLLOWUP_URL';
/** Office's script host: office.js and the scripts it loads. The pane talks to nothing else. */
const OFFICE_JS_HOST = 'https://appsforoffice.microsoft.com';

/**
 * The production address, checked: https, ending in "/", and not a placeholder or local address (a
 * manifest pointing there would install an add-in that shows nothing).
 */
function productionUrl(value) {
  const url = (value || '').trim();
  const refuse = (why) => {
    throw new Error(`${URL_ENV} ${why}. Set it to the https address the add-in is deployed at, e.g. ${URL_ENV}=https://addins.kommune.no/budget-followup/ npm run build`);
  };
  if (!url) refuse('is not set');
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    refuse(`is not an address ("${url}")`);
  }
  if (parsed.protocol !== 'https:') refuse(`must be an https address ("${url}")`);
  if (/(^|\.)(example\.(org|com|net)|localhost|contoso\.com)$/i.test(parsed.hostname) || /^127\.|^\[?::1\]?$/.test(parsed.hostname)) {
    refuse(`is a placeholder or local address ("${url}")`);
  }
  if (!url.endsWith('/')) refuse(`must end with "/" ("${url}")`);
  return url;
}

/** Fails a production build of the add-in whose address is missing or a placeholder, before anything is built. */
class RequireProductionUrl {
  check() {
    return productionUrl(process.env[URL_ENV]);
  }
  apply(compiler) {
    compiler.hooks.environment.tap('RequireProductionUrl', () => this.check());
  }
}

/** The content security policy of taskpane.html: no network but the add-in's own files and office.js. */
function contentSecurityPolicy(dev) {
  const connect = dev ? `'self' wss://localhost:3000 ${OFFICE_JS_HOST}` : OFFICE_JS_HOST;
  return [
    "default-src 'none'",
    `script-src 'self' ${OFFICE_JS_HOST}`,
    // office.js opens a frame of its own host where it does not know the page's host (Office Online Server)
    `frame-src ${OFFICE_JS_HOST}`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The manifest as deployed: every dev URL replaced by the production URL. */
function productionManifest(content, url) {
  return content.toString().split(URL_DEV).join(productionUrl(url));
}

/** The dev server's certificate, trusted by office-addin-dev-certs (only required when serving). */
async function getHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      // Not dist/ itself: `clean` would delete the command line that tsc compiles there.
      path: path.resolve(__dirname, 'dist', 'addin'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Types are checked by `npm run typecheck`; here ES modules let webpack tree-shake Fluent UI.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', target: 'es2019', sourceMap: dev, jsx: 'react-jsx' },
            },
          },
        },
      ],
    },
    optimization: {
      // One module registry for the page's two entries (pane and ribbon function share the pipeline).
      runtimeChunk: 'single',
      splitChunks: { chunks: 'all' },
    },
    performance: dev ? { hints: false } : { hints: 'warning', maxEntrypointSize: 900 * 1024, maxAssetSize: 700 * 1024 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'commands'],
        templateParameters: { csp: contentSecurityPolicy(dev), officeJs: `${OFFICE_JS_HOST}/lib/1/hosted/office.js` },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // the help page (SupportUrl, LearnMoreUrl): plain HTML, readable in any browser
          { from: 'src/help/help.html', to: 'help.html' },
          // the page old webviews (Internet Explorer, EdgeHTML) run instead of the pane: plain ES5
          { from: 'src/taskpane/old-webview.js', to: 'old-webview.js' },
          { from: 'manifest.xml', to: '[name][ext]', transform: (content) => (dev ? content : productionManifest(content, process.env[URL_ENV])) },
        ],
      }),
      // a production build without its address is refused before anything is built
      ...(dev ? [] : [new RequireProductionUrl()]),
    ],
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: serving ? await getHttpsOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
};

module.exports.URL_DEV = URL_DEV;
module.exports.URL_ENV = URL_ENV;
module.exports.productionUrl = productionUrl;
module.exports.OFFICE_JS_HOST = OFFICE_JS_HOST;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.productionManifest = productionManifest;
