import type { DocMeta, InputResult } from "./types";
import { fail } from "./types";

/** A plain-text article: the first non-empty line is the headline; the text is the whole file. */
export function parseTxt(text: string, file: string, meta: DocMeta = {}): InputResult {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return fail(file, "empty file");
  const title =
    body
      .split(/\r?\n/)
      .find((l) => l.trim() !== "")
      ?.trim() ?? null;
  return {
    ok: true,
    item: {
      text: body,
      title: meta.title ?? title,
      outlet: meta.outlet ?? null,
      published: meta.published ?? null,
      url: meta.url ?? null,
      language: meta.language ?? null,
      file,
    },
  };
}
