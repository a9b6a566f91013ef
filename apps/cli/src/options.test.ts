import { describe, expect, it } from "vitest";
import { FilterOptionsSchema, toFilter } from "./options";
import { csvCell, type Output, render, resolveFormat } from "./output/format";

describe("filter options", () => {
  it.each([
    [{ type: "meet,propose" }, { type: ["MEET", "PROPOSE"] }],
    [{ type: "REJECT" }, { type: "REJECT" }],
    [{ status: "Occurred" }, { status: "occurred" }],
    [
      { from: "2024-02", to: "2024" },
      { from: "2024-02", to: "2024" },
    ],
    [{ limit: "20" }, { limit: 20 }],
    [
      { actor: "Hamas", issue: "ceasefire", outlet: "UPI", text: '"truce talks"' },
      { actor: "Hamas", issue: "ceasefire", outlet: "UPI", text: '"truce talks"' },
    ],
    [{}, {}],
  ])("%j → %j", (raw, filter) => {
    expect(toFilter(FilterOptionsSchema.parse(raw))).toEqual(filter);
  });

  it.each([
    [{ type: "MEETING" }, "type"],
    [{ status: "done" }, "status"],
    [{ from: "Feb 2024" }, "from"],
    [{ limit: "0" }, "limit"],
    [{ limit: "lots" }, "limit"],
  ])("rejects %j on %s", (raw, field) => {
    const r = FilterOptionsSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe("output", () => {
  type Row = { a: string; b: string | null };
  const out: Output<Row> = {
    rows: [
      { a: "x, y", b: 'say "hi"' },
      { a: "plain", b: null },
    ],
    columns: [
      { header: "a", value: (r) => r.a },
      { header: "b", value: (r) => r.b },
    ],
  };

  it("picks table on a terminal and ndjson when piped or written to a file", () => {
    expect(resolveFormat({}, true)).toBe("table");
    expect(resolveFormat({}, false)).toBe("ndjson");
    expect(resolveFormat({ out: "x.json" }, true)).toBe("ndjson");
    expect(resolveFormat({ format: "csv" }, true)).toBe("csv");
  });

  it("quotes CSV cells that need it", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("ab")).toBe("ab");
    expect(render(out, "csv")).toBe('a,b\n"x, y","say ""hi"""\nplain,\n');
  });

  it("writes ndjson per row, json as one document, and a table with no colour unless asked", () => {
    expect(
      render(out, "ndjson")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual(out.rows);
    expect(JSON.parse(render({ ...out, doc: { whole: true } }, "json"))).toEqual({ whole: true });
    const table = render(out, "table");
    expect(table).not.toContain("\u001b[");
    expect(table.split("\n")[0]).toMatch(/^a\s+b$/);
    expect(render(out, "table", true)).toContain("\u001b[1m");
    expect(render({ ...out, rows: [] }, "table")).toContain("(no rows)");
  });
});
