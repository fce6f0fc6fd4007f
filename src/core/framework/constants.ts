/**
 * A framework definition's vocabulary and limits (units, kinds, number types, the lengths Excel and
 * the Reflections sheet allow), without the validator that enforces them (./schema.ts, zod), so
 * that what only needs the words loads no validator.
 */
export const UNITS = ["count", "gbp", "hours", "people"] as const;
export const KINDS = ["flow", "stock"] as const;
export const NUMBER_TYPES = ["whole", "decimal"] as const;

/** Excel limits what a data-validation input prompt can hold: 32 characters of title, 255 of text. */
export const MAX_GUIDANCE_LENGTH = 255;
export const MAX_PROMPT_TITLE_LENGTH = 32;

/** A reflection prompt is a question, written in every month's rows: kept short enough to read in its column. */
export const MAX_REFLECTION_PROMPT_LENGTH = 200;
/** Prompts offered for each of twelve months: at most this many (240 rows). */
export const MAX_REFLECTION_PROMPTS = 20;
