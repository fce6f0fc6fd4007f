/** The prompts a framework offers on the Reflections sheet (docs/framework-format.md, `reflectionPrompts`). */
import type { Framework } from "./schema";

/** The standard prompts: what a framework offers when it lists none of its own. */
export const STANDARD_REFLECTION_PROMPTS: readonly string[] = [
  "What have we learnt?",
  "What have we changed that we would keep?",
  "What could we improve?",
  "What are residents telling us?",
];

/** The framework's reflection prompts: its own list, else the standard ones. */
export function reflectionPromptsOf(framework: Pick<Framework, "reflectionPrompts">): readonly string[] {
  return framework.reflectionPrompts ?? STANDARD_REFLECTION_PROMPTS;
}
