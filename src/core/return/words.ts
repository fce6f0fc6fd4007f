/**
 * The Measures table's Unit and Kind cells, read in either layout: 1.0 wrote the framework's keys
 * (`gbp`, `count`, `hours`, `people`; `flow`, `stock`), 1.1 writes them as officers say them
 * (`£`, `number`, `hours`, `people`; `this month only`, `at the end of the month`).
 */
import { KIND_LABEL, UNIT_LABEL, type MeasureKindKey, type MeasureUnitKey } from "../layout/contract";
import { norm } from "./text";

const UNIT_WORDS = new Map<string, MeasureUnitKey>([
  ...(Object.entries(UNIT_LABEL) as [MeasureUnitKey, string][]).flatMap(([key, label]): [string, MeasureUnitKey][] => [
    [key, key],
    [norm(label), key],
  ]),
  ["pounds", "gbp"],
  ["£s", "gbp"],
]);

const KIND_WORDS = new Map<string, MeasureKindKey>(
  (Object.entries(KIND_LABEL) as [MeasureKindKey, string][]).flatMap(([key, label]): [string, MeasureKindKey][] => [
    [key, key],
    [norm(label), key],
  ]),
);

/** The unit a Unit cell names (either layout's word), or undefined. */
export function unitFromText(value: unknown): MeasureUnitKey | undefined {
  return UNIT_WORDS.get(norm(value));
}

/** The kind a Kind cell names (either layout's word), or undefined. */
export function kindFromText(value: unknown): MeasureKindKey | undefined {
  return KIND_WORDS.get(norm(value));
}
