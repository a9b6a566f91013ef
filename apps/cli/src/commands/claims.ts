import { ClaimKindSchema } from "@parley/schema";
import type { ClaimDisagreement, ClaimSeries } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { clip, readCommand } from "../command-kit";
import { FilterOptionsSchema, OutputOptionsSchema, toFilter } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const ClaimsOptionsSchema = FilterOptionsSchema.extend(OutputOptionsSchema.shape).extend({
  kind: z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((x) => x.trim().toLowerCase()) : v),
      z.array(ClaimKindSchema).min(1),
    )
    .optional(),
  view: z.enum(["list", "series", "disagreements"]).default("list"),
});
export type ClaimsOptions = z.infer<typeof ClaimsOptionsSchema>;

type ClaimRow = Awaited<ReturnType<Queries["claims"]>>[number];

export type ClaimsResult =
  | { view: "list"; claims: ClaimRow[] }
  | { view: "series"; series: ClaimSeries[]; disagreements: ClaimDisagreement[] }
  | { view: "disagreements"; series: ClaimSeries[]; disagreements: ClaimDisagreement[] };

/** Claims (figures) as listed, as series by kind and subject, or the figures outlets disagree on. */
export async function runClaims(q: Queries, o: ClaimsOptions): Promise<ClaimsResult> {
  const f = { ...toFilter(o), ...(o.kind ? { kind: o.kind.length === 1 ? o.kind[0]! : o.kind } : {}) };
  if (o.view === "list") return { view: "list", claims: await q.claims(f) };
  const s = await q.claimSeries(f);
  return { view: o.view, ...s };
}

type Row = Record<string, string | number | null>;
const cols = (names: string[]) => names.map((n) => ({ header: n, value: (r: Row) => r[n] }));

export function claimsOutput(r: ClaimsResult): Output<Row> {
  if (r.view === "list") {
    const rows = r.claims.map((c) => ({
      date: c.asOf ?? c.article.published,
      kind: c.kind,
      value: c.value,
      qualifier: c.qualifier,
      subject: c.subject,
      claimant: c.claimant,
      outlet: c.article.outlet,
      evidence: clip(c.evidence.text),
    }));
    return {
      rows,
      columns: cols(Object.keys(rows[0] ?? { date: 0, kind: 0, value: 0 })),
      records: r.claims,
      doc: r.claims,
    };
  }
  if (r.view === "series") {
    const rows = r.series.map((s) => ({
      kind: s.kind,
      subject: s.label ?? s.subject,
      points: s.points.length,
      first: s.points[0]?.date ?? null,
      last: s.points.filter((p) => p.date).at(-1)?.date ?? null,
      values: s.points.map((p) => p.value).join(" → "),
    }));
    return {
      rows,
      columns: cols(["kind", "subject", "points", "first", "last", "values"]),
      records: r.series,
      doc: { series: r.series, disagreements: r.disagreements },
      heading: `${r.disagreements.length} disagreement(s) between outlets (--view disagreements)`,
    };
  }
  const rows = r.disagreements.map((d) => ({
    kind: d.kind,
    subjects: d.subjects.join("; "),
    bucket: d.bucket,
    min: d.min,
    max: d.max,
    spread: Math.round(d.spread * 100) / 100,
    outlets: d.values.map((v) => `${v.outlet} ${v.value}`).join("; "),
  }));
  return {
    rows,
    columns: cols(["kind", "subjects", "bucket", "min", "max", "spread", "outlets"]),
    records: r.disagreements,
    doc: r.disagreements,
  };
}

export const claimsCommand = readCommand(
  new Command("claims")
    .description("List numeric claims (casualties, hostages, aid…), their series over time, or outlet disagreements")
    .option("--kind <kinds>", "claim kind(s), comma-separated: killed,injured,hostages,…")
    .option("--view <view>", "list | series | disagreements", "list")
    .addHelpText("after", "\nExample:\n  parley claims --kind killed --view series --from 2024"),
  { schema: ClaimsOptionsSchema, run: runClaims, output: claimsOutput },
);
