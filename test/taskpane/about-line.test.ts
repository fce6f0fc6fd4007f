/** The About line's words: the add-in's version always, the workbook's framework when it has one. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { aboutText } from "../../src/taskpane/components/AboutLine";

const VERSION = (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;

it("names the add-in's version (package.json's) and the workbook's framework with its version", () => {
  expect(aboutText({ frameworkId: "community-investment-monthly", frameworkTitle: "Community investment monthly measures", frameworkVersion: 2 })).toBe(
    `About: Impact Returns ${VERSION}; framework Community investment monthly measures, version 2.`,
  );
});

it("falls back to the framework's id, and says when no framework is set up", () => {
  expect(aboutText({ frameworkId: "food-support" })).toBe(`About: Impact Returns ${VERSION}; framework food-support.`);
  expect(aboutText({})).toBe(`About: Impact Returns ${VERSION}; no framework set up in this workbook yet.`);
  expect(aboutText(undefined)).toBe(`About: Impact Returns ${VERSION}; no framework set up in this workbook yet.`);
});
