/** The --framework option shared by commands: a built-in framework's id, or a framework JSON file. */
import { promises as fs } from "node:fs";
import { builtinFrameworks, DEFAULT_FRAMEWORK_ID, findBuiltinFramework, parseFrameworkText, type Framework } from "../core/framework";
import { UsageError } from "./command";

/** A built-in framework by id, or a framework JSON file. Throws UsageError, or FrameworkError for an invalid file. */
export async function loadFramework(spec: string | undefined): Promise<Framework> {
  const id = spec ?? DEFAULT_FRAMEWORK_ID;
  const builtin = findBuiltinFramework(id);
  if (builtin) return builtin;
  let text: string;
  try {
    text = await fs.readFile(id, "utf8");
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (code === "EISDIR") throw new UsageError(`'${id}' is a folder, not a framework file`);
    if (code === "ENOENT" && !/[\\/]|\.json$/i.test(id)) {
      const ids = builtinFrameworks().map((f) => f.id).join(", ");
      throw new UsageError(`unknown framework '${id}': give a built-in framework (${ids}) or the path of a framework .json file`);
    }
    if (code === "ENOENT") throw new UsageError(`cannot find the framework file '${id}'`);
    throw new UsageError(`cannot read the framework file '${id}': ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseFrameworkText(text, id);
}
