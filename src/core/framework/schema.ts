/**
 * The measurement framework: a versioned JSON definition of the measures an organisation reports
 * every month, the stakeholder groups and the outcome areas. Validated on load with zod; see
 * docs/framework-format.md for the format and its rules.
 */
import { z } from "zod";
import { EMAIL_ADDRESS } from "../mail/address";
import { KINDS, MAX_GUIDANCE_LENGTH, MAX_REFLECTION_PROMPT_LENGTH, MAX_REFLECTION_PROMPTS, NUMBER_TYPES, UNITS } from "./constants";


const code = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "expected capitals, digits and underscores, starting with a letter (e.g. WELFARE_CALLS)");
const label = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

const breakdownSchema = z.strictObject({
  code,
  label,
});

const plausibilitySchema = z.strictObject({
  /** A month is out of line when it is this many times above or below the median of the other reported months. */
  outlierFactor: z.number().gt(1).default(5),
  /** Differences smaller than this (in the measure's unit) are never reported as out of line. */
  ignoreBelow: z.number().min(0).default(10),
});

const measureSchema = z
  .strictObject({
    code,
    label,
    guidance: z.string().trim().min(1, "must not be empty").max(MAX_GUIDANCE_LENGTH, `must be at most ${MAX_GUIDANCE_LENGTH} characters (Excel's limit for an input prompt)`),
    unit: z.enum(UNITS),
    kind: z.enum(KINDS),
    numberType: z.enum(NUMBER_TYPES).default("whole"),
    required: z.boolean().default(false),
    key: z.boolean().default(false),
    /** A headline measure: its year's figure stands in large type at the top of the Board summary. */
    headline: z.boolean().default(false),
    minimum: z.number().default(0),
    maximum: z.number().optional(),
    breakdowns: z.array(breakdownSchema).default([]),
    /** Whether the breakdown rows should add up to the total row (true when the breakdowns cover every case). */
    breakdownsAddUp: z.boolean().default(true),
    plausibility: plausibilitySchema.default({ outlierFactor: 5, ignoreBelow: 10 }),
  })
  .superRefine((measure, ctx) => {
    if (measure.maximum !== undefined && measure.maximum < measure.minimum) {
      ctx.addIssue({ code: "custom", path: ["maximum"], message: `must not be below minimum (${measure.minimum})` });
    }
    if (measure.unit === "gbp" && measure.numberType === "whole") {
      // Allowed (whole pounds), but nothing to check.
    }
    reportDuplicates(measure.breakdowns.map((b) => b.code), ["breakdowns"], "code", ctx);
    reportDuplicates(measure.breakdowns.map((b) => b.label.toLowerCase()), ["breakdowns"], "label", ctx);
  });

/** Where and by when returns go: shown after "Mark ready to send", and used for the months that are due. */
const submissionSchema = z.strictObject({
  /** Whom the workbook is emailed to, e.g. "returns@centre.example". */
  to: z.string().trim().regex(EMAIL_ADDRESS, "expected one email address, e.g. returns@centre.example").optional(),
  /** Month M's return is due on this day of month M+1 (the month's last day when it has fewer days). */
  dueDay: z.number().int("expected a whole number").min(1).max(31).default(15),
});

const namedItemSchema = z.strictObject({
  name: label,
  description: z.string().trim().max(255, "must be at most 255 characters").default(""),
});

export const frameworkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected lower-case words joined by hyphens (e.g. community-investment-monthly)")
      .max(64),
    version: z.number().int("expected a whole number").min(1),
    title: label,
    description: z.string().trim().max(1000).default(""),
    measures: z.array(measureSchema).min(1, "a framework needs at least one measure"),
    stakeholderGroups: z.array(namedItemSchema).min(1, "a framework needs at least one stakeholder group"),
    outcomeAreas: z.array(namedItemSchema).min(1, "a framework needs at least one outcome area"),
    submission: submissionSchema.optional(),
    /** The coverage of the sector's homes (0-1) a scaled estimate needs; default 0.3 (src/core/collate/estimates.ts). */
    minimumCoverage: z.number().gt(0, "must be more than 0").max(1, "must be at most 1 (a fraction: 0.3 is 30%)").optional(),
    /** The prompts Set up offers on the Reflections sheet for each month; absent: STANDARD_REFLECTION_PROMPTS (./reflection-prompts.ts), [] for none. */
    reflectionPrompts: z.array(z.string().trim().min(1, "must not be empty").max(MAX_REFLECTION_PROMPT_LENGTH, `must be at most ${MAX_REFLECTION_PROMPT_LENGTH} characters`)).max(MAX_REFLECTION_PROMPTS, `must list at most ${MAX_REFLECTION_PROMPTS} prompts (each is offered for every month)`).optional(),
    /** The organisations a sector figure shown to others needs; default 3. */
    minimumOrganisations: z.number().int("expected a whole number").min(2, "must be at least 2 (with one, the figure is that organisation's own)").max(100).optional(),
  })
  .superRefine((framework, ctx) => {
    reportDuplicates(framework.measures.map((m) => m.code), ["measures"], "code", ctx);
    reportDuplicates(framework.stakeholderGroups.map((g) => g.name.toLowerCase()), ["stakeholderGroups"], "name", ctx);
    reportDuplicates(framework.outcomeAreas.map((a) => a.name.toLowerCase()), ["outcomeAreas"], "name", ctx);
    reportDuplicatePrompts(framework.reflectionPrompts ?? [], ctx);
  });

function reportDuplicatePrompts(prompts: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  prompts.forEach((prompt, index) => {
    const key = prompt.toLowerCase().replace(/\s+/g, " ");
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else ctx.addIssue({ code: "custom", path: ["reflectionPrompts", index], message: `duplicates reflectionPrompts[${first}] ("${prompt}")` });
  });
}

function reportDuplicates(values: string[], path: (string | number)[], field: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, index);
    } else {
      ctx.addIssue({ code: "custom", path: [...path, index, field], message: `duplicates ${path.join(".")}[${first}].${field} ("${value}")` });
    }
  });
}

export type Framework = z.output<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;
export type Measure = Framework["measures"][number];
export type Breakdown = Measure["breakdowns"][number];
export type Submission = NonNullable<Framework["submission"]>;
export type Unit = (typeof UNITS)[number];
export type MeasureKind = (typeof KINDS)[number];
