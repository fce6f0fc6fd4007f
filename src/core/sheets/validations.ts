/** Data-validation rules for entry cells, with messages in plain English that fit Excel's limits. */
import type { Measure } from "../framework";
import type { Validation } from "../workbook/types";

const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;
const ERROR_TITLE_MAX = 32;
const ERROR_MESSAGE_MAX = 225;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function prompt(title: string, message: string): Validation["prompt"] {
  return { title: clip(title, PROMPT_TITLE_MAX), message: clip(message, PROMPT_MESSAGE_MAX) };
}

function error(title: string, message: string): Validation["error"] {
  return { title: clip(title, ERROR_TITLE_MAX), message: clip(message, ERROR_MESSAGE_MAX) };
}

export function formatNumber(n: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

function describeBounds(whole: boolean, min: number, max: number | undefined): string {
  const what = whole ? "a whole number" : "a number";
  return max === undefined ? `${what} of ${formatNumber(min)} or more` : `${what} from ${formatNumber(min)} to ${formatNumber(max)}`;
}

export function measureValidation(measure: Measure): Validation {
  const whole = measure.numberType === "whole";
  const unitWord = measure.unit === "gbp" ? " in pounds (no £ sign)" : "";
  return {
    rule: { type: whole ? "whole" : "decimal", min: measure.minimum, ...(measure.maximum !== undefined ? { max: measure.maximum } : {}) },
    prompt: prompt(measure.label, measure.guidance),
    error: error("Not a valid figure", `${measure.label}: enter ${describeBounds(whole, measure.minimum, measure.maximum)}${unitWord}, or leave blank if not reported.`),
  };
}

export function numberValidation(label: string, whole: boolean, min: number, max: number | undefined, guidance: string): Validation {
  return {
    rule: { type: whole ? "whole" : "decimal", min, ...(max !== undefined ? { max } : {}) },
    prompt: prompt(label, guidance),
    error: error(`Not a valid ${label.toLowerCase()}`.slice(0, ERROR_TITLE_MAX), `${label}: enter ${describeBounds(whole, min, max)}.`),
  };
}

export function percentValidation(label: string, guidance: string): Validation {
  return {
    rule: { type: "decimal", min: 0, max: 1 },
    prompt: prompt(label, guidance),
    error: error("Not a percentage", `${label}: enter a percentage from 0% to 100%, e.g. 25%.`),
  };
}

export function listValidation(label: string, items: readonly string[], guidance: string): Validation {
  return {
    rule: { type: "list", items },
    prompt: prompt(label, guidance),
    error: error("Choose from the list", `${label}: choose one of ${items.join(", ")}.`),
  };
}

export function listRangeValidation(label: string, source: string, guidance: string, fix?: string): Validation {
  return {
    rule: { type: "listRange", source },
    prompt: prompt(label, guidance),
    error: error("Choose from the list", `${label}: choose a value from the dropdown.${fix ? ` ${fix}` : ""}`),
  };
}

export function dateValidation(label: string, min: number, guidance: string): Validation {
  return {
    rule: { type: "date", min },
    prompt: prompt(label, guidance),
    error: error("Not a date", `${label}: enter a date as dd/mm/yyyy.`),
  };
}

export function emailValidation(label: string, cell: string, guidance: string): Validation {
  return {
    rule: { type: "custom", formula: `=AND(ISNUMBER(SEARCH("@",${cell})),ISNUMBER(SEARCH(".",${cell})),ISERROR(SEARCH(" ",TRIM(${cell}))))` },
    prompt: prompt(label, guidance),
    error: error("Not an email address", `${label}: enter an email address such as name@example.org.uk.`),
  };
}
