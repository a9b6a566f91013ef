import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { type KnowledgeFileInput, KnowledgeFileSchema } from "@parley/schema";
import { CliError, EXIT } from "../errors";

/** Reads every `.json` knowledge file in a directory (or one file), validated, for `--kb`. */
export function loadKnowledgeDir(path: string): KnowledgeFileInput[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => extname(f) === ".json")
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch {
    throw new CliError(`knowledge path not found: ${path}`, EXIT.usage);
  }
  return files.map((file) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (err) {
      throw new CliError(`${file}: not valid JSON (${(err as Error).message})`, EXIT.usage);
    }
    const parsed = KnowledgeFileSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new CliError(
        `${file}: ${first?.path.join(".") ?? ""} ${first?.message ?? "invalid knowledge file"}`,
        EXIT.usage,
      );
    }
    return parsed.data;
  });
}
