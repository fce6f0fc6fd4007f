/**
 * Every check message is defined once, in its catalogue entry: this renders each entry's examples
 * and requires docs/checks.md to show exactly those, so the documentation cannot drift from what
 * Check says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHECK_CATALOGUE, renderMessage, renderedExamples, type CheckCode, type MessageParams } from "../../../src/core/checks/catalogue";

type Kinds<P> = P extends { kind: infer K extends string } ? K : never;
/** Every form each message takes, by its parameters' kind: the compiler requires each kind to be listed. */
const FORMS: { [C in CheckCode as [Kinds<MessageParams<C>>] extends [never] ? never : C]: Record<Kinds<MessageParams<C>>, true> } = {
  "missing-table": { "no-sheet": true, "no-table": true },
  "unknown-framework": { "not-built-in": true, "not-recorded": true },
  "not-a-date": { month: true, date: true },
  "not-in-list": { "outcome-area": true, month: true, consent: true, share: true },
  "cell-error": { cell: true, "impact-value": true },
  "formula-no-value": { cell: true, "impact-value": true },
  "unknown-measure": { "no-code": true, "not-in-framework": true, "no-breakdowns": true, "breakdown-blank": true, "not-a-breakdown": true },
  "required-field": { "no-row": true, blank: true },
  "month-out-of-line": { "above-previous": true, "below-previous": true, "above-typical": true, "below-typical": true },
  "breakdowns-do-not-add-up": { differ: true, "above-total": true },
  "gap-in-months": { month: true, measure: true },
  "changed-after-sign-off": { cell: true, data: true },
};

function kindOf(params: unknown): string {
  return typeof params === "object" && params !== null && "kind" in params ? String(params.kind) : "";
}

const doc = readFileSync(join(__dirname, "../../../docs/checks.md"), "utf8");

/** The `*Example*` paragraphs of one code's section, whitespace folded. */
function documentedExamples(code: string): string[] {
  const start = doc.indexOf(`#### \`${code}\``);
  if (start < 0) return [];
  const next = doc.slice(start + 1).search(/\n#{2,4} /);
  const section = doc.slice(start, next < 0 ? undefined : start + 1 + next);
  return section
    .split(/\n(?=\*[A-Z][a-z]+(?: by)?\*)/)
    .filter((p) => p.startsWith("*Example*"))
    .map((p) => p.replace(/\s+/g, " ").trim());
}

describe("the check catalogue's messages", () => {
  test("every entry has at least one example, and docs/checks.md shows exactly the rendered examples", () => {
    const rendered = renderedExamples();
    for (const entry of CHECK_CATALOGUE) {
      const mine = rendered.filter((r) => r.code === entry.code).map((r) => `*Example* \`${r.at}\`: ${r.message}`.replace(/\s+/g, " "));
      expect(mine.length).toBeGreaterThan(0);
      expect({ code: entry.code, examples: documentedExamples(entry.code) }).toEqual({ code: entry.code, examples: mine });
    }
  });

  test("each form of a message has an example: every kind of every code's parameters", () => {
    const shown = new Set(renderedExamples().map((r) => `${r.code}/${kindOf(r.params)}`));
    for (const [code, kinds] of Object.entries(FORMS)) for (const kind of Object.keys(kinds)) expect(shown).toContain(`${code}/${kind}`);
  });

  test("messages are plain sentences: no unfilled template, undefined or NaN", () => {
    for (const r of renderedExamples()) {
      expect(r.message).not.toMatch(/\$\{|undefined|NaN|\[object/);
      expect(r.message).toMatch(/[.)]$/);
    }
  });

  test("a message is rendered from its code and typed parameters", () => {
    expect(renderMessage("duplicate-stakeholder-group", { group: "Tenants", firstRow: 4 })).toBe(
      '"Tenants" is already listed on row 4. Keep one row for each group: merge the two rows, or rename one if they are different groups.',
    );
    expect(renderMessage("not-in-list", { kind: "consent", value: "Maybe" })).toBe('"Maybe" is not an answer to Consent given. Choose Yes or No from the list.');
  });
});
