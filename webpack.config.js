// Builds the task pane: src/taskpane/index.tsx -> dist/taskpane.[contenthash].js and dist/taskpane.html.
//
// Office.js: production builds point at Microsoft's CDN (store policy). Development builds
// (`--mode development`) and preview builds (env PREVIEW=1, used by the e2e tests with production
// mode for realistic sizes) serve the project's own copy from node_modules/@microsoft/office-js,
// copied to dist/office-js/, so the pane works offline and in a plain browser.
//
// Heavy parts (the preview with its in-memory Excel, the grid, the sample return, exceljs for the
// .xlsx download) are loaded with dynamic import() only when needed: `node scripts/bundle-size.mjs`
// checks the initial JavaScript stays under budget.
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const { version } = require("./package.json");
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";

/** The parts of Office.js a local copy needs: the loader, the app-to-file table (without it Office.onReady never resolves), Excel host scripts, English strings. */
const officeJsPatterns = [
  ["office.js", ""],
  ["o15apptofilemappingtable.js", ""],
  ["excel-*.js", ""],
  ["excelwebapp-*.js", ""],
  ["office_strings.js", "en-us/"],
  ["office_strings.js", "en-gb/"],
].map(([from, dir]) => ({
  from: dir + from,
  context: OFFICE_JS_DIR,
  to: `office-js/${dir}[name][ext]`,
  globOptions: { ignore: ["**/*.debug.js"] },
  // Already minified by Microsoft: stops the minimizer spending a minute re-minifying them.
  info: { minimized: true },
}));

/**
 * exceljs ships already minified (its "browser" build): mark its chunk minimized so the minimizer
 * does not spend most of the build re-minifying a megabyte of code.
 */
class SkipMinifyingPrebuilt {
  constructor(test) {
    this.test = test;
  }
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SkipMinifyingPrebuilt", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "SkipMinifyingPrebuilt", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (this.test.test(name)) compilation.updateAsset(name, assets[name], { minimized: true });
        }
      });
    });
  }
}

/**
 * HTTPS for sideloading into Excel on Windows/macOS (scripts/start.mjs sets IR_HTTPS=1): Office
 * needs https://localhost:3000. office-addin-dev-certs comes with office-addin-debugging, an
 * optional dependency, and makes and trusts a localhost certificate. Plain http otherwise (the
 * browser preview on 127.0.0.1, and Linux, where there are no certificates).
 */
async function devServerTransport() {
  if (process.env.IR_HTTPS !== "1") return { host: "127.0.0.1", server: "http" };
  try {
    const devCerts = require("office-addin-dev-certs");
    return { host: "localhost", server: { type: "https", options: await devCerts.getHttpsServerOptions() } };
  } catch (error) {
    console.warn(`HTTPS certificates unavailable (${error.message}); serving http. Install office-addin-debugging to sideload into Excel.`);
    return { host: "127.0.0.1", server: "http" };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const dev = mode === "development";
  const preview = dev || process.env.PREVIEW === "1" || env.preview === true || env.preview === "1";
  const officeJsUrl = preview ? "office-js/office.js" : OFFICE_JS_CDN;

  const serving = Boolean(env.WEBPACK_SERVE);
  const transport = serving ? await devServerTransport() : { host: "127.0.0.1", server: "http" };

  return {
    mode,
    context: __dirname,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash].js",
      chunkFilename: "chunks/[name].[contenthash].js",
      publicPath: "auto",
      clean: true,
    },
    // A release (`--env release`, scripts/release.mjs) ships no source maps: nothing but the pane.
    devtool: dev ? "eval-cheap-module-source-map" : env.release ? false : "source-map",
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".json"],
      // exceljs's package "browser" field points at its prebuilt browser bundle (no Node built-ins needed).
      mainFields: ["browser", "module", "main"],
    },
    module: {
      rules: [
        // Our own modules run nothing on import but definitions: an import of one name from a
        // barrel (core/checks, core/framework...) then pulls in only the modules that name needs.
        { test: /[\\/]src[\\/](core|excel|xlsx)[\\/]/, sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type-checking is separate (`npm run typecheck`), so the build stays quick.
            options: { configFile: path.resolve(__dirname, "tsconfig.json"), transpileOnly: true },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: { officeJsUrl, page: "taskpane" },
      }),
      // The same pane in preview mode (an in-memory workbook beside it), served at /preview: no
      // Office.js at all, so it works in any browser, offline.
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "preview.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: { officeJsUrl: "", page: "preview" },
      }),
      // The support page the manifest names: what the add-in does, reads and writes, and where to
      // report a problem (IMPACT_RETURNS_CONTACT, set by `npm run release -- --contact`).
      new HtmlWebpackPlugin({
        template: "./src/taskpane/support.html",
        filename: "support.html",
        inject: false,
        minify: false,
        templateParameters: { version, contact: process.env.IMPACT_RETURNS_CONTACT ?? "" },
      }),
      new SkipMinifyingPrebuilt(/(^|\/)exceljs\.[0-9a-f]+\.js$/),
      // The zip guard's default inflater is Node's zlib; the Collate worker passes browserInflater()
      // (DecompressionStream, or fflate) instead, so in the browser node:zlib is a stub never called.
      new webpack.NormalModuleReplacementPlugin(/^node:zlib$/, path.resolve(__dirname, "src/collate-worker/no-zlib.js")),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true, globOptions: { ignore: ["**/.gitkeep"] } },
          ...(preview ? officeJsPatterns : []),
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          // exceljs is big: keep it in a chunk of its own, fetched only for the .xlsx download.
          // Not in the Collate worker, whose own chunk (with its runtime) holds the exceljs it reads with.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: (chunk) => !chunk.canBeInitial() && !chunk.hasRuntime(), priority: 20, enforce: true },
        },
      },
    },
    performance: {
      // The budget that matters is the initial JavaScript (scripts/bundle-size.mjs); lazily loaded chunks such as exceljs may be large.
      hints: false,
    },
    devServer: {
      host: transport.host,
      port: 3000,
      server: transport.server,
      static: false,
      // /preview is preview.html, as on a static host that serves pages without their extension.
      setupMiddlewares: (middlewares) => [
        {
          name: "preview-page",
          middleware: (req, _res, next) => {
            if (/^\/preview(\?|$)/.test(req.url ?? "")) req.url = req.url.replace(/^\/preview/, "/preview.html");
            next();
          },
        },
        ...middlewares,
      ],
      hot: false,
      liveReload: true,
      allowedHosts: "all",
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
      devMiddleware: { writeToDisk: false },
    },
    stats: "errors-warnings",
  };
};
