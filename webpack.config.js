/* eslint-disable no-undef */
/**
 * The add-in's bundle, as in Microsoft's Office add-in templates: the task pane (React + Fluent UI) and
 * the ribbon's function in one page, taskpane.html, which is also the add-in's shared runtime (see
 * manifest.xml: the ribbon's "Generate follow-up" opens the pane, which needs the shared runtime, and
 * there the function file must be the pane's page, so there is no separate commands.html).
 *
 *   npm run build       production bundle in dist/addin/ (dist/ itself holds the compiled command line),
 *                       manifest URLs swapped to URL_PROD, no source maps
 *   npm run build:dev   development bundle with source maps
 *   npm run dev-server  https://localhost:3000/ with office-addin-dev-certs' trusted certificate
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const URL_DEV = 'https://localhost:3000/';
const URL_PROD = 'https://budget-followup.example.org/'; // CHANGE THIS TO THE PRODUCTION DEPLOYMENT LOCATION
/** Office's script host: office.js and the scripts it loads. The pane talks to nothing else. */
const OFFICE_JS_HOST = 'https://appsforoffice.microsoft.com';

/** The content security policy of taskpane.html: no network but the add-in's own files and office.js. */
function contentSecurityPolicy(dev) {
  const connect = dev ? `'self' wss://localhost:3000 ${OFFICE_JS_HOST}` : OFFICE_JS_HOST;
  return [
    "default-src 'none'",
    `script-src 'self' ${OFFICE_JS_HOST}`,
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
function productionManifest(content) {
  return content.toString().split(URL_DEV).join(URL_PROD);
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
          { from: 'manifest.xml', to: '[name][ext]', transform: (content) => (dev ? content : productionManifest(content)) },
        ],
      }),
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
module.exports.URL_PROD = URL_PROD;
module.exports.OFFICE_JS_HOST = OFFICE_JS_HOST;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.productionManifest = productionManifest;
