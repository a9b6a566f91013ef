import {
  type ActorRole,
  cmp,
  hash64,
  indexCorpus,
  OBSERVER_EVENTS,
  PARTY_EVENTS,
  type Role,
  type RoleEvidence,
  TRACK_EVENTS,
  type Track,
} from "@parley/core";
import type { EventType } from "@parley/schema";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "../db/driver";
import { articles, events } from "../db/schema";
import type { ModelFilterSchema } from "../filters";
import type { RolesView } from "../model-queries";
import { ensureEventFactsFresh } from "../summaries/event-facts";
import { eventScope, loadActorsByIds, pgArray } from "../views";

type ModelFilter = z.output<typeof ModelFilterSchema>;

/** The statuses core's `actorRoles` reads. */
const ROLE_STATUSES = ["occurred", "planned"];

/** True when the filter narrows nothing, so the facts are read without joining events. */
function unfiltered(f: ModelFilter): boolean {
  return !(f.actor || f.role || f.type || f.issue || f.text || f.outlet || f.articleId || f.status || f.from || f.to);
}

/** Events with the same type, MEET place and actor links behave alike: core's algorithm runs once per group. */
interface Group {
  type: EventType;
  place: string | null;
  source: string[];
  target: string[];
  mediators: string[];
  /** Event ids of the group (core keys evidence by event id). */
  ids: string[];
}

/**
 * Core's `actorRoles` over event groups instead of single events: every step either counts events (weighted by
 * the group's size) or reads an event's actor sets (the same for every event of a group), and evidence lists get
 * the group's ids. Its result equals core's over the events (tested); see core's doc comment for the rules.
 */
function rolesOfGroups(
  groups: readonly Group[],
  root: (id: string) => string,
  name: (id: string) => string,
  placeCountry: Readonly<Record<string, string>>,
  rollUp: boolean,
): { tracks: Track[]; roles: ActorRole[] } {
  const map = (id: string) => (rollUp ? root(id) : id);
  const uniq = (ids: readonly string[]) => [...new Set(ids.map(map))];

  const host = (g: Group): string | null => {
    if (g.type !== "MEET") return null;
    const country = g.place ? placeCountry[g.place] : undefined;
    if (!country) return null;
    const h = map(country);
    return uniq([...g.source, ...g.target]).includes(h) ? null : h;
  };
  const behaviour = (g: Group): [string, keyof RoleEvidence][] => {
    const out: [string, keyof RoleEvidence][] = [];
    if (PARTY_EVENTS.has(g.type)) for (const a of uniq([...g.source, ...g.target])) out.push([a, "party"]);
    if (g.type === "MEDIATE") for (const a of uniq(g.source)) out.push([a, "mediator"]);
    for (const a of uniq(g.mediators)) out.push([a, "mediator"]);
    const h = host(g);
    if (h) out.push([h, "facilitator"]);
    if (g.type === "TRAVEL") for (const a of uniq(g.source)) out.push([a, "facilitator"]);
    if (OBSERVER_EVENTS.has(g.type)) for (const a of uniq(g.source)) out.push([a, "observer"]);
    return out;
  };

  // 1. main parties
  const partyScore = new Map<string, number>();
  const mediatorScore = new Map<string, number>();
  const perGroup = groups.map((g) => {
    const b = behaviour(g);
    const n = g.ids.length;
    for (const [a, kind] of b) {
      if (kind === "party") partyScore.set(a, (partyScore.get(a) ?? 0) + n);
      if (kind === "mediator") mediatorScore.set(a, (mediatorScore.get(a) ?? 0) + n);
    }
    return b;
  });
  const main = new Set([...partyScore].filter(([a, n]) => n > (mediatorScore.get(a) ?? 0)).map(([a]) => a));

  // 2. tracks: union-find over co-occurrence
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };
  for (const a of main) parent.set(a, a);
  const linked = new Set<string>();
  for (const g of groups) {
    if (!TRACK_EVENTS.has(g.type)) continue;
    const ps = uniq([...g.source, ...g.target]).filter((a) => main.has(a));
    for (let i = 1; i < ps.length; i++) union(ps[0]!, ps[i]!);
    if (ps.length > 1) for (const p of ps) linked.add(p);
  }
  const unlinked = [...main].filter((a) => !linked.has(a)).sort(cmp);
  const involvedIn = new Map<string, { ps: string[]; n: number }[]>();
  if (unlinked.length > 0) {
    const wanted = new Set(unlinked);
    for (const g of groups) {
      const ps = uniq([...g.source, ...g.target, ...g.mediators]);
      for (const a of ps)
        if (wanted.has(a)) (involvedIn.get(a) ?? involvedIn.set(a, []).get(a)!).push({ ps, n: g.ids.length });
    }
  }
  for (const a of unlinked) {
    const shared = new Map<string, number>();
    for (const { ps, n } of involvedIn.get(a) ?? []) {
      for (const p of ps) if (p !== a && linked.has(p)) shared.set(find(p), (shared.get(find(p)) ?? 0) + n);
    }
    const best = [...shared].sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))[0];
    if (best) union(a, best[0]);
  }
  const components = new Map<string, string[]>();
  for (const a of main) {
    const r = find(a);
    const list = components.get(r);
    if (list) list.push(a);
    else components.set(r, [a]);
  }
  const tracks: Track[] = [...components.values()]
    .map((members) => {
      const parties = members.sort((a, b) => (partyScore.get(b) ?? 0) - (partyScore.get(a) ?? 0) || cmp(a, b));
      return {
        id: `tr_${hash64([...parties].sort(cmp).join("\n"))}`,
        name: parties.slice(0, 2).map(name).join("\u2013"),
        parties,
      };
    })
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
  const trackOf = new Map<string, Track>();
  for (const t of tracks) for (const p of t.parties) trackOf.set(p, t);

  // 3. roles per track: evidence as id sets, sorted at the end (core dedupes by event id too)
  const evidence = new Map<string, Record<keyof RoleEvidence, Set<string>>>();
  groups.forEach((g, i) => {
    const involved = uniq([...g.source, ...g.target, ...g.mediators]);
    const h = host(g);
    if (h) involved.push(h);
    let touched = [...new Set(involved.map((a) => trackOf.get(a)).filter((t): t is Track => !!t))];
    if (!touched.length && tracks.length === 1) touched = [tracks[0]!];
    for (const t of touched)
      for (const [a, kind] of perGroup[i]!) {
        const key = `${t.id}\u0000${a}`;
        let ev = evidence.get(key);
        if (!ev) {
          ev = { party: new Set(), mediator: new Set(), facilitator: new Set(), observer: new Set() };
          evidence.set(key, ev);
        }
        const set = ev[kind];
        for (const id of g.ids) set.add(id);
      }
  });
  const roles: ActorRole[] = [];
  for (const [key, sets] of evidence) {
    const [track, actor] = key.split("\u0000") as [string, string];
    const ev: RoleEvidence = {
      party: [...sets.party].sort(cmp),
      mediator: [...sets.mediator].sort(cmp),
      facilitator: [...sets.facilitator].sort(cmp),
      observer: [...sets.observer].sort(cmp),
    };
    const isParty = trackOf.get(actor)?.id === track;
    const role: Role = isParty
      ? "party"
      : ev.mediator.length
        ? "mediator"
        : ev.facilitator.length
          ? "facilitator"
          : ev.party.length
            ? "party"
            : "observer";
    roles.push({ actor, track, role, evidence: ev });
  }
  const order = new Map(tracks.map((t, i) => [t.id, i]));
  const rank: Record<Role, number> = { party: 0, mediator: 1, facilitator: 2, observer: 3 };
  roles.sort(
    (a, b) => order.get(a.track)! - order.get(b.track)! || rank[a.role] - rank[b.role] || cmp(a.actor, b.actor),
  );
  return { tracks, roles };
}

/**
 * Tracks and roles from `event_facts`: the events a filter selects (statuses occurred and planned), grouped in
 * SQL by type, MEET place and actor links, then core's rules over the groups. Same result as `actorRoles` over
 * `loadView(f, { statuses: ["occurred", "planned"] })`, with the same actor names.
 */
export async function sqlRoles(
  db: Db,
  f: ModelFilter,
  placeCountry: Readonly<Record<string, string>>,
): Promise<RolesView> {
  await ensureEventFactsFresh(db);
  const statuses = sql.join(
    ROLE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const from = unfiltered(f)
    ? sql`event_facts rf WHERE rf.status IN (${statuses})`
    : sql`event_facts rf JOIN ${events} ON ${events.articleId} = rf.article_id AND ${events.id} = rf.event_id
      JOIN ${articles} ON ${articles.id} = rf.article_id
      WHERE rf.status IN (${statuses}) AND ${eventScope(f)}`;
  const rows = await queryRows<{
    type: EventType;
    place: string | null;
    links: string[] | string;
    ids: string[] | string;
  }>(db, sql`SELECT rf.type, rf.place, rf.links, array_agg(rf.event_id) AS ids FROM ${from} GROUP BY 1, 2, 3`);
  // Apart from the groups: a DISTINCT inside them would sort every row.
  const attributed = await queryRows<{ id: string }>(
    db,
    sql`SELECT DISTINCT rf.attributed_to AS id FROM ${from} AND rf.attributed_to IS NOT NULL`,
  );
  const referenced = new Set<string>(attributed.map((r) => r.id));
  const groups: Group[] = rows.map((r) => {
    const g: Group = { type: r.type, place: r.place, source: [], target: [], mediators: [], ids: pgArray(r.ids) };
    for (const link of pgArray(r.links)) {
      const i = link.indexOf(":");
      const role = link.slice(0, i);
      const actor = link.slice(i + 1);
      referenced.add(actor);
      if (role === "source") g.source.push(actor);
      else if (role === "target") g.target.push(actor);
      else g.mediators.push(actor);
    }
    return g;
  });
  // The actors loadView would load: every referenced actor and its affiliation chain (names and roots).
  const acts = await loadActorsByIds(db, [...referenced]);
  const idx = indexCorpus({ articles: [], actors: acts });
  const { tracks, roles } = rolesOfGroups(
    groups,
    idx.root,
    (id) => idx.actor(id)?.name ?? id,
    placeCountry,
    f.rollUp ?? true,
  );
  const actors: Record<string, string> = {};
  for (const a of acts) actors[a.id] = a.name;
  return { tracks, roles: roles.slice(f.offset, f.offset + f.limit), actors };
}
