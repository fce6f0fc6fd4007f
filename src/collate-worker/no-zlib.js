// Stands in for node:zlib in the browser build (webpack.config.js): the zip guard is given the
// browser's inflater there, so this is never called.
function inflateRawSync() {
  throw new Error("node:zlib is not available in the browser: pass the zip guard an inflater");
}
module.exports = { inflateRawSync };
