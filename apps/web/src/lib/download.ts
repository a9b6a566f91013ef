type Cell = string | number | boolean | null | undefined;

/**
 * A CSV cell. Text starting with = + - @ (or a tab or carriage return) is a formula to a spreadsheet, which an
 * article could use to run one on the analyst's machine (`=HYPERLINK(…)`, DDE): such text gets a leading `'`.
 * Numbers are written as they are.
 */
const cell = (v: Cell) => {
  let s = v == null ? "" : String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 CSV with a header row from the first row's keys. */
export function toCsv(rows: Record<string, Cell>[]): string {
  if (rows.length === 0) return "";
  const keys = Object.keys(rows[0]!);
  return `${[keys.join(","), ...rows.map((r) => keys.map((k) => cell(r[k])).join(","))].join("\n")}\n`;
}

export function saveFile(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
