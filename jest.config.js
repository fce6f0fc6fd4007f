const { availableParallelism } = require("node:os");

/** @type {import('jest').Config} */
module.exports = {
  // Two test files at once even on two cores (jest's default there is one): many tests wait on a
  // child process (LibreOffice, the command line), and the other file runs meanwhile.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
  // Compiles the CLI (lib/) when its sources changed, so the CLI tests run the current source.
  globalSetup: "<rootDir>/test/support/build-cli.ts",
};
