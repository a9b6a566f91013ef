import type { ActorSummary } from "@parley/store";
import { Command } from "commander";
import { z } from "zod";
import { readCommand } from "../command-kit";
import { FilterOptionsSchema, OutputOptionsSchema, toFilter } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const ActorsOptionsSchema = FilterOptionsSchema.extend(OutputOptionsSchema.shape).extend({
  name: z.string().min(1).optional(),
  roles: z.boolean().default(false),
});
export type ActorsOptions = z.infer<typeof ActorsOptionsSchema>;

export type ActorRow = ActorSummary & { roles: string[] };

/** Actors with event/article counts for the filter; with `roles`, each actor's role per negotiation track. */
export async function runActors(q: Queries, o: ActorsOptions): Promise<ActorRow[]> {
  const f = toFilter(o);
  const actors = await q.actors({ ...f, ...(o.name ? { name: o.name } : {}) });
  if (!o.roles) return actors.map((a) => ({ ...a, roles: [] }));
  const { limit: _l, ...rest } = f;
  const r = await q.roles({ ...rest, limit: 10_000 });
  const trackName = new Map(r.tracks.map((t) => [t.id, t.name]));
  return actors.map((a) => ({
    ...a,
    roles: r.roles.filter((x) => x.actor === a.id).map((x) => `${x.role} (${trackName.get(x.track) ?? x.track})`),
  }));
}

export function actorsOutput(rows: ActorRow[], o: ActorsOptions): Output<ActorRow> {
  return {
    rows,
    columns: [
      { header: "id", value: (a) => a.id },
      { header: "name", value: (a) => a.name },
      { header: "type", value: (a) => a.type },
      { header: "affiliation", value: (a) => a.affiliation },
      { header: "events", value: (a) => a.events },
      { header: "articles", value: (a) => a.articles },
      ...(o.roles ? [{ header: "roles", value: (a: ActorRow) => a.roles.join("; ") }] : []),
    ],
    records: o.roles ? rows : rows.map(({ roles: _r, ...a }) => a),
    doc: o.roles ? rows : rows.map(({ roles: _r, ...a }) => a),
  };
}

export const actorsCommand = readCommand(
  new Command("actors")
    .description("List actors with the number of events and articles they appear in (optionally their roles)")
    .option("--name <text>", "substring of the actor's id, name or aliases")
    .option("--roles", "add each actor's role (party, mediator, facilitator, observer) per negotiation track")
    .addHelpText("after", "\nExample:\n  parley actors --from 2024 --roles --limit 20"),
  { schema: ActorsOptionsSchema, run: runActors, output: actorsOutput },
);
