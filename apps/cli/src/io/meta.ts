import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { z } from "zod";
import { CliError, EXIT } from "../errors";

export const MetaEntrySchema = z.object({
  file: z.string().min(1),
  outlet: z.string().nullish(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "published must be YYYY-MM-DD")
    .transform((s) => s.slice(0, 10))
    .nullish(),
  url: z.string().nullish(),
  title: z.string().nullish(),
});
export type MetaEntry = z.infer<typeof MetaEntrySchema>;

/** Reads a `--meta` manifest (JSON array, or CSV with a header row) into entries keyed by file name. */
export function readMeta(path: string): Map<string, MetaEntry> {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch {
    throw new CliError(`--meta file not found: ${path}`, EXIT.usage);
  }
  const rows = path.toLowerCase().endsWith(".csv") ? parseCsv(raw, path) : parseJson(raw, path);
  const out = new Map<string, MetaEntry>();
  rows.forEach((row, i) => {
    const parsed = MetaEntrySchema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`${path}: entry ${i + 1}: ${issue?.path.join(".")} ${issue?.message}`, EXIT.usage);
    }
    out.set(basename(parsed.data.file), parsed.data);
  });
  return out;
}

function parseJson(raw: string, path: string): unknown[] {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (err) {
    throw new CliError(`${path}: not valid JSON (${(err as Error).message})`, EXIT.usage);
  }
  if (!Array.isArray(doc))
    throw new CliError(`${path}: expected a JSON array of {file, outlet, published, url, title}`);
  return doc;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF rows. */
export function parseCsv(raw: string, path: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quoted) {
      if (c === '"' && raw[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && raw[i + 1] === "\n") i++;
      record.push(field);
      if (record.some((f) => f !== "")) records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new CliError(`${path}: unterminated quoted field`, EXIT.usage);
  record.push(field);
  if (record.some((f) => f !== "")) records.push(record);
  const [header, ...rows] = records;
  if (!header?.includes("file")) throw new CliError(`${path}: the CSV header must name a "file" column`, EXIT.usage);
  return rows.map((row) =>
    Object.fromEntries(header.map((h, j) => [h.trim(), row[j] ?? ""]).filter(([, v]) => v !== "")),
  );
}
