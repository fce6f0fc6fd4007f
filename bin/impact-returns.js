#!/usr/bin/env node
"use strict";
// Entry point of the `impact-returns` command. The TypeScript sources are compiled to lib/ by
// `npm run build:cli`, which `npm ci` runs through the `prepare` script; the release's tarball
// (scripts/pack-cli.mjs) carries lib/ compiled afresh.
const { main } = require("../lib/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // main() turns every failure it can into a plain message; this is the last net. Its wording
    // stays the tool's own: the details only with IMPACT_RETURNS_DEBUG set.
    process.stderr.write("impact-returns: unexpected failure inside the tool (not a problem with your files). Please report it; set IMPACT_RETURNS_DEBUG=1 to see the details.\n");
    if (process.env.IMPACT_RETURNS_DEBUG) process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 3;
  },
);
