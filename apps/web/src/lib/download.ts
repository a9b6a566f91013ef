type Cell = string | number | boolean | null | undefined;

const cell = (v: Cell) => {
  const s = v == null ? "" : String(v);
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
