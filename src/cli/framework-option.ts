/** The --framework option shared by commands: a built-in framework's id, or a framework JSON file. */
import { builtinFrameworks, DEFAULT_FRAMEWORK_ID, findBuiltinFramework, FrameworkError, parseFrameworkText, type Framework } from "../core/framework";
import { readRegularFile } from "../xlsx/files";
import { LIMITS, megabytes } from "../xlsx/limits";
import { FileProblem } from "../xlsx/problem";
import { UsageError } from "./command";

/** A built-in framework by id, or a framework JSON file. Throws UsageError, or FrameworkError for an invalid file. */
export async function loadFramework(spec: string | undefined): Promise<Framework> {
  const id = spec ?? DEFAULT_FRAMEWORK_ID;
  const builtin = findBuiltinFramework(id);
  if (builtin) return builtin;
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(id, LIMITS.frameworkBytes, (size) => `the framework file '${id}' is ${megabytes(size)}, more than the ${megabytes(LIMITS.frameworkBytes)} a framework may be: check it is the right file`);
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    if (error.kind === "not-found" && !/[\\/]|\.json$/i.test(id)) {
      const ids = builtinFrameworks().map((f) => f.id).join(", ");
      throw new UsageError(`unknown framework '${id}': give a built-in framework (${ids}) or the path of a framework .json file`);
    }
    if (error.kind === "not-found") throw new UsageError(`cannot find the framework file '${id}'`);
    if (error.kind === "not-a-file") throw new UsageError(error.message.replace(/^'(.*)' is (.*), not a workbook file\..*$/, "'$1' is $2, not a framework file"));
    if (error.kind === "too-large") throw new UsageError(error.message);
    throw new UsageError(`cannot read the framework file '${id}': ${error.message.replace(/^Cannot read '.*': /, "").replace(/\.$/, "")}`);
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  try {
    return parseFrameworkText(text, id);
  } catch (error) {
    if (error instanceof FrameworkError) throw new FrameworkError(error.source, error.problems.map((p) => plainFault(p, text)));
    throw error;
  }
}

/** Where a character offset falls in the text, as a person finds it in an editor. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/**
 * A framework fault in plain words: the JSON parser's and the schema library's own wording
 * ("Unexpected token...", "Too big: expected string to have <=200 characters") rewritten.
 */
export function plainFault(fault: string, text = ""): string {
  const json = /^(.*?)not valid JSON \((.*)\)$/s.exec(fault);
  if (json) {
    const detail = json[2]!;
    const lc = /line (\d+) column (\d+)/.exec(detail);
    const position = /at position (\d+)/.exec(detail);
    const where = lc ? `line ${lc[1]}, column ${lc[2]}` : position ? lineAndColumn(text, Number(position[1])) : /end of JSON|Unexpected end/i.test(detail) ? "the end (it stops part-way)" : undefined;
    return `${json[1]}not valid JSON${where ? ` near ${where}` : ""}: look there for a missing comma, quote or bracket (a JSON validator shows the exact place)`;
  }
  const sized = /^(.*?)Too (big|small): expected (string|array|number|int|set|map|bigint|file)\w* to (?:have|be) ([<>]=?)\s*([\d.,e+-]+)(?: (\w+))?/i.exec(fault);
  if (sized) {
    const [, path = "", bigOrSmall, type, , limit, unit] = sized;
    const big = bigOrSmall!.toLowerCase() === "big";
    if (type === "string") return `${path}${big ? "too long" : "too short"}: at ${big ? "most" : "least"} ${limit} ${unit ?? "characters"}`;
    if (type === "array" || type === "set" || type === "map") return `${path}${big ? "too many items" : "too few items"}: at ${big ? "most" : "least"} ${limit}`;
    return `${path}must be at ${big ? "most" : "least"} ${limit}`;
  }
  return fault.replace(/^(.*?)Invalid input(?::.*)?$/, "$1is not valid").replace(/^(.*?)Invalid string: (.*)$/, "$1not valid ($2)");
}
