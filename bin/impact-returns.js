#!/usr/bin/env node
"use strict";
// Entry point of the `impact-returns` command. The TypeScript sources are compiled to lib/ by
// `npm run build:cli`, which `npm ci` runs through the `prepare` script.
const { main } = require("../lib/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`impact-returns: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
