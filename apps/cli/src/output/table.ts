import type { ExtractedArticle } from "@parley/schema";

/** A plain-text table of events per article for reading in a terminal. */
export function formatEventsTable(articles: ExtractedArticle[]): string {
  const lines: string[] = [];
  for (const a of articles) {
    lines.push(`${a.file}  ${a.title ?? ""}  (${a.outlet ?? "?"}, ${a.published ?? "undated"})`);
    const rows = a.events.map((e) => [
      e.type,
      e.status,
      e.date ?? "",
      e.source.join("; "),
      e.target.join("; "),
      e.location ?? "",
      e.evidence.text.length > 70 ? `${e.evidence.text.slice(0, 67)}...` : e.evidence.text,
    ]);
    lines.push(...renderTable(["type", "status", "date", "source", "target", "where", "evidence"], rows), "");
  }
  return `${lines.join("\n")}\n`;
}

export function renderTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))));
  const cell = (s: string, i: number) => {
    const w = widths[i] ?? 10;
    return i === header.length - 1 ? s : (s.length > w ? `${s.slice(0, w - 1)}…` : s).padEnd(w);
  };
  return [
    header.map(cell).join("  "),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map((r) => r.map(cell).join("  ")),
  ];
}
