import type { ActorSummary, EventGroup, StoredEvent } from "@parley/store";

/** Event types drawn as edges in the actor network, each with the relation it stands for. */
export const NETWORK_RELATIONS: Record<string, "meeting" | "proposal" | "rejection" | "accusation" | "agreement"> = {
  MEET: "meeting",
  CALL: "meeting",
  MEDIATE: "meeting",
  PROPOSE: "proposal",
  COUNTER_PROPOSE: "proposal",
  DEMAND: "proposal",
  REJECT: "rejection",
  ACCUSE: "accusation",
  THREATEN: "accusation",
  ACCEPT: "agreement",
  AGREE: "agreement",
  CEASEFIRE: "agreement",
};
export type Relation = (typeof NETWORK_RELATIONS)[string];

export interface NetworkNode {
  id: string;
  name: string;
  type: string;
  /** Events the actor takes part in under the filter. */
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  relation: Relation;
  count: number;
  /** A few event ids behind the edge, for click-through. */
  sample: string[];
}

/** What the network reads of events: alike ones counted together (`corpus.eventGroups`), or one event each. */
export type NetworkInput = Pick<EventGroup, "type" | "source" | "target" | "mediators" | "count" | "sample">;

/** Events as groups of one (tests, small lists). */
export function asGroups(events: readonly StoredEvent[]): NetworkInput[] {
  return events.map((e) => ({
    type: e.type,
    source: e.source,
    target: e.target,
    mediators: e.mediators,
    count: 1,
    sample: [e.id],
  }));
}

/**
 * The actor network of a set of events: one node per actor taking part (activity = events it takes part in), one
 * edge per (source, target, relation) — meetings and agreements are undirected, so their endpoints are ordered.
 */
export function actorNetwork(
  groups: readonly NetworkInput[],
  actors: ActorSummary[],
): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const activity = new Map<string, number>();
  const edges = new Map<string, NetworkEdge>();
  for (const g of groups) {
    for (const id of new Set([...g.source, ...g.target, ...g.mediators]))
      activity.set(id, (activity.get(id) ?? 0) + g.count);
    const relation = NETWORK_RELATIONS[g.type];
    if (!relation) continue;
    const from = g.type === "MEDIATE" ? [...g.source, ...g.mediators] : g.source;
    const to = g.target;
    for (const s of from) {
      for (const t of to) {
        if (s === t) continue;
        const undirected = relation === "meeting" || relation === "agreement";
        const [a, b] = undirected && t < s ? [t, s] : [s, t];
        const key = `${a}\u0000${b}\u0000${relation}`;
        const edge = edges.get(key) ?? { source: a, target: b, relation, count: 0, sample: [] };
        edge.count += g.count;
        for (const id of g.sample) if (edge.sample.length < 5) edge.sample.push(id);
        edges.set(key, edge);
      }
    }
  }
  const nodes = [...activity]
    .map(([id, n]) => ({ id, name: byId.get(id)?.name ?? id, type: byId.get(id)?.type ?? "UNKNOWN", events: n }))
    .sort((x, y) => y.events - x.events || (x.id < y.id ? -1 : 1));
  const keep = new Set(nodes.map((n) => n.id));
  return {
    nodes,
    edges: [...edges.values()]
      .filter((e) => keep.has(e.source) && keep.has(e.target))
      .sort((x, y) => y.count - x.count || (x.source + x.target < y.source + y.target ? -1 : 1)),
  };
}

export interface Place {
  key: string;
  name: string;
  lat: number;
  lon: number;
  events: number;
  byType: Record<string, number>;
  byStatus: Record<string, number>;
  first: string | null;
  last: string | null;
  sample: { id: string; type: string; status: string; date: string | null }[];
}

/** Events with coordinates grouped by place (the gazetteer's place id, else the name). */
export function eventPlaces(events: StoredEvent[]): { places: Place[]; unplaced: number } {
  const places = new Map<string, Place>();
  let unplaced = 0;
  for (const e of events) {
    const loc = e.location;
    if (!loc || loc.lat == null || loc.lon == null) {
      unplaced++;
      continue;
    }
    const key = loc.placeId ?? loc.name;
    const p = places.get(key) ?? {
      key,
      name: loc.name,
      lat: loc.lat,
      lon: loc.lon,
      events: 0,
      byType: {},
      byStatus: {},
      first: null,
      last: null,
      sample: [],
    };
    const date = e.date?.value ?? e.article.published;
    p.events++;
    p.byType[e.type] = (p.byType[e.type] ?? 0) + 1;
    p.byStatus[e.status] = (p.byStatus[e.status] ?? 0) + 1;
    if (date && (!p.first || date < p.first)) p.first = date;
    if (date && (!p.last || date > p.last)) p.last = date;
    if (p.sample.length < 8) p.sample.push({ id: e.id, type: e.type, status: e.status, date });
    places.set(key, p);
  }
  return { places: [...places.values()].sort((a, b) => b.events - a.events || (a.key < b.key ? -1 : 1)), unplaced };
}

/** Newest first by the event's date, else its article's publication date. */
export function latestFirst(events: StoredEvent[], n: number): StoredEvent[] {
  const when = (e: StoredEvent) => e.date?.value ?? e.article.published ?? "";
  return [...events].sort((a, b) => (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0)).slice(0, n);
}
