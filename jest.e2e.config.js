/**
 * End-to-end tests of the task pane in Debian's chromium (playwright-core). Run through
 * `node scripts/e2e.mjs`, which builds the preview, serves dist/ on 127.0.0.1 and sets
 * IMPACT_RETURNS_E2E_URL; running this config directly needs that server and variable.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Two browsers at once: each test waits on the page's own state, so a second file runs while
  // the first waits (axe runs, workers reading, LibreOffice); screenshots are named by test.
  maxWorkers: 2,
  // A ceiling for a hung test, not a pace: the axe runs over every summary sheet take minutes on a
  // busy 2-core machine (tests wait on the page's own state, never on time).
  testTimeout: 300000,
  slowTestThreshold: 30,
};
