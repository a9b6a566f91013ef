import type { StanceConflict, StanceRecord, StancesView } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { clip, readCommand } from "../command-kit";
import { FilterOptionsSchema, OutputOptionsSchema, toFilter } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const StancesOptionsSchema = FilterOptionsSchema.extend(OutputOptionsSchema.shape).extend({
  view: z.enum(["matrix", "history", "sticking"]).default("matrix"),
  rollUp: z.boolean().default(true),
});
export type StancesOptions = z.infer<typeof StancesOptionsSchema>;

/** Stance histories, the actor × issue matrix and sticking points; `limit` caps the histories listed. */
export function runStances(q: Queries, o: StancesOptions): Promise<StancesView> {
  return q.stances({ ...toFilter(o), rollUp: o.rollUp });
}

const when = (r: StanceRecord) => r.date ?? r.published ?? "";

type Row = Record<string, string>;

export function stancesOutput(v: StancesView, o: StancesOptions): Output<Row> {
  const name = (id: string) => v.actors[id] ?? id;
  if (o.view === "history") {
    const records = v.histories.flatMap((h) => h.history);
    const rows = records.map((r) => ({
      actor: name(r.actor),
      issue: r.issue,
      stance: r.stance,
      date: when(r),
      targets: r.targets.map(name).join("; "),
      evidence: clip(r.evidence),
    }));
    return { rows, columns: cols(["actor", "issue", "stance", "date", "targets", "evidence"]), doc: v, records };
  }
  if (o.view === "sticking") {
    const conflicts = v.stickingPoints.flatMap((p) => p.conflicts.map((c) => ({ issue: p.issue, ...c })));
    const side = (r: StanceRecord) => `${name(r.actor)} ${r.stance} ${r.issue} (${when(r)})`;
    const rows = conflicts.map((c: StanceConflict & { issue: string }) => ({
      issue: c.issue,
      kind: c.kind,
      for: side(c.for),
      against: side(c.against),
    }));
    return { rows, columns: cols(["issue", "kind", "for", "against"]), doc: v, records: v.stickingPoints };
  }
  const issues = v.matrix.issues;
  const rows = v.matrix.actors.map((a) => {
    const row: Row = { actor: name(a) };
    for (const i of issues) {
      const cell = v.matrix.cells[a]?.[i];
      row[i] = cell ? `${cell.stance} ${when(cell)}` : "";
    }
    return row;
  });
  const records = v.matrix.actors.flatMap((a) =>
    issues.flatMap((i) => {
      const cell = v.matrix.cells[a]?.[i];
      return cell ? [{ actor: a, issue: i, stance: cell.stance, date: when(cell), evidence: cell.evidence }] : [];
    }),
  );
  const sticking = v.stickingPoints.length
    ? `sticking points: ${v.stickingPoints.map((p) => `${p.issue} (${p.actors.map(name).join(" vs ")})`).join(", ")}`
    : "no sticking points";
  return { rows, columns: cols(["actor", ...issues]), doc: v, records, heading: sticking };
}

const cols = (names: string[]) => names.map((n) => ({ header: n, value: (r: Row) => r[n] ?? "" }));

export const stancesCommand = readCommand(
  new Command("stances")
    .description("Actors' stances on issues: the latest per actor × issue, their history, and sticking points")
    .option("--view <view>", "matrix | history | sticking", "matrix")
    .option("--no-roll-up", "keep delegations and officials apart from the state or movement they belong to")
    .addHelpText("after", "\nExample:\n  parley stances --from 2024-01 --view sticking"),
  { schema: StancesOptionsSchema, run: runStances, output: stancesOutput },
);
