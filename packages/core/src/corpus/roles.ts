import type { Event, EventType } from "@parley/schema";
import { hash64 } from "./hash";
import { type CorpusView, cmp, indexCorpus } from "./view";

export type Role = "party" | "mediator" | "facilitator" | "observer";

/** Events whose source/target act as a party to the conflict or deal. */
export const PARTY_EVENTS: ReadonlySet<EventType> = new Set([
  "PROPOSE",
  "COUNTER_PROPOSE",
  "ACCEPT",
  "REJECT",
  "DEMAND",
  "AGREE",
  "CEASEFIRE",
  "MILITARY",
]);
/** Events whose co-occurring parties are on one negotiation track. */
export const TRACK_EVENTS: ReadonlySet<EventType> = new Set(["AGREE", "MEET", "CEASEFIRE", "MILITARY", "REJECT"]);
/** Events that make their source an observer when it does nothing else. */
export const OBSERVER_EVENTS: ReadonlySet<EventType> = new Set(["SUPPORT", "ASSESS", "APPEAL"]);

export interface RoleOptions {
  /** Work on affiliation roots (Blinken → United States; Hamas delegation → Hamas). Default true. */
  rollUp?: boolean;
  /**
   * Place id → actor id of the state it lies in (from the knowledge base's places). Needed to see hosting:
   * a MEET located in a state's territory that the state does not take part in makes the state a facilitator.
   */
  placeCountry?: Readonly<Record<string, string>>;
}

/** A connected group of main parties. */
export interface Track {
  /** `tr_` + hash of the sorted party ids. */
  id: string;
  /** The two most active parties' names joined by an en dash: "Israel–Hamas". */
  name: string;
  /** Party actor ids, most active first. */
  parties: string[];
}

export interface RoleEvidence {
  party: string[];
  mediator: string[];
  facilitator: string[];
  observer: string[];
}

export interface ActorRole {
  actor: string;
  track: string;
  role: Role;
  /** Event ids behind each kind of behaviour on this track (the role is decided from these). */
  evidence: RoleEvidence;
}

export interface RolesResult {
  tracks: Track[];
  roles: ActorRole[];
}

const emptyEvidence = (): RoleEvidence => ({ party: [], mediator: [], facilitator: [], observer: [] });

/**
 * Negotiation tracks and each actor's role on them.
 *
 * Behaviour is read from events with status `occurred` or `planned` (hypothetical and negated ones say
 * nothing about what an actor does):
 * - party: source/target of PROPOSE, COUNTER_PROPOSE, ACCEPT, REJECT, DEMAND, AGREE, CEASEFIRE, MILITARY;
 * - mediator: source of MEDIATE, or named in any event's `mediators`;
 * - facilitator: hosting (the MEET's place lies in the actor's territory per `placeCountry` and the actor is
 *   not among the meeting's source/target) or shuttling (source of TRAVEL);
 * - observer: source of SUPPORT, ASSESS or APPEAL.
 *
 * Main parties are actors with more party evidence than mediator evidence (so a mediator that also puts forward
 * proposals stays a mediator). Tracks are the connected components of main parties that co-occur as
 * source/target of AGREE, MEET, CEASEFIRE, MILITARY or REJECT events; a main party with no such link joins the
 * track it shares most events with, else forms its own. An event belongs to every track one of whose parties
 * takes part in it (to the only track when there is one and it names no party).
 *
 * On a track, its parties are `party`; other actors are `mediator` if they mediate there, else `facilitator`,
 * else `party` (party-type acts by an outside actor, e.g. a state demanding a hostage release), else `observer`.
 * Actors with no evidence on a track are not listed.
 */
export function actorRoles(
  view: Pick<CorpusView, "events" | "actors" | "articles">,
  options: RoleOptions = {},
): RolesResult {
  const idx = indexCorpus(view);
  const rollUp = options.rollUp ?? true;
  const map = (id: string) => (rollUp ? idx.root(id) : id);
  const uniq = (ids: readonly string[]) => [...new Set(ids.map(map))];
  const events = view.events
    .filter((e) => e.status === "occurred" || e.status === "planned")
    .sort((a, b) => cmp(a.id, b.id) || cmp(a.articleId, b.articleId));

  const host = (e: Event): string | null => {
    if (e.type !== "MEET") return null;
    const pid = e.location?.placeId;
    const country = pid ? options.placeCountry?.[pid] : undefined;
    if (!country) return null;
    const h = map(country);
    return uniq([...e.source, ...e.target]).includes(h) ? null : h;
  };

  /** Behaviour of each actor in one event. */
  const behaviour = (e: Event): [string, keyof RoleEvidence][] => {
    const out: [string, keyof RoleEvidence][] = [];
    if (PARTY_EVENTS.has(e.type)) for (const a of uniq([...e.source, ...e.target])) out.push([a, "party"]);
    if (e.type === "MEDIATE") for (const a of uniq(e.source)) out.push([a, "mediator"]);
    for (const a of uniq(e.mediators)) out.push([a, "mediator"]);
    const h = host(e);
    if (h) out.push([h, "facilitator"]);
    if (e.type === "TRAVEL") for (const a of uniq(e.source)) out.push([a, "facilitator"]);
    if (OBSERVER_EVENTS.has(e.type)) for (const a of uniq(e.source)) out.push([a, "observer"]);
    return out;
  };

  // 1. main parties
  const partyScore = new Map<string, number>();
  const mediatorScore = new Map<string, number>();
  const perEvent = events.map((e) => {
    const b = behaviour(e);
    for (const [a, kind] of b) {
      if (kind === "party") partyScore.set(a, (partyScore.get(a) ?? 0) + 1);
      if (kind === "mediator") mediatorScore.set(a, (mediatorScore.get(a) ?? 0) + 1);
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
  for (const e of events) {
    if (!TRACK_EVENTS.has(e.type)) continue;
    const ps = uniq([...e.source, ...e.target]).filter((a) => main.has(a));
    for (let i = 1; i < ps.length; i++) union(ps[0]!, ps[i]!);
    if (ps.length > 1) for (const p of ps) linked.add(p);
  }
  // unlinked main parties join the linked component they share most events with
  const unlinked = [...main].filter((a) => !linked.has(a)).sort(cmp);
  const involvedIn = new Map<string, string[][]>(); // unlinked party → participants of each of its events
  if (unlinked.length > 0) {
    const wanted = new Set(unlinked);
    for (const e of events) {
      const ps = uniq([...e.source, ...e.target, ...e.mediators]);
      for (const a of ps) if (wanted.has(a)) (involvedIn.get(a) ?? involvedIn.set(a, []).get(a)!).push(ps);
    }
  }
  for (const a of unlinked) {
    const shared = new Map<string, number>();
    for (const ps of involvedIn.get(a) ?? []) {
      for (const p of ps) if (p !== a && linked.has(p)) shared.set(find(p), (shared.get(find(p)) ?? 0) + 1);
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
  const name = (id: string) => idx.actor(id)?.name ?? id;
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

  // 3. roles per track
  const evidence = new Map<string, RoleEvidence>(); // key track \0 actor
  // Per evidence list, the ids already in it: an active actor has thousands (a linear `includes` was quadratic).
  const seen = new Map<string[], Set<string>>();
  events.forEach((e, i) => {
    const involved = uniq([...e.source, ...e.target, ...e.mediators]);
    const h = host(e);
    if (h) involved.push(h);
    let touched = [...new Set(involved.map((a) => trackOf.get(a)).filter((t): t is Track => !!t))];
    if (!touched.length && tracks.length === 1) touched = [tracks[0]!];
    for (const t of touched)
      for (const [a, kind] of perEvent[i]!) {
        const key = `${t.id}\u0000${a}`;
        let ev = evidence.get(key);
        if (!ev) {
          ev = emptyEvidence();
          evidence.set(key, ev);
        }
        const list = ev[kind];
        let ids = seen.get(list);
        if (!ids) {
          ids = new Set();
          seen.set(list, ids);
        }
        if (!ids.has(e.id)) {
          ids.add(e.id);
          list.push(e.id);
        }
      }
  });
  const roles: ActorRole[] = [];
  for (const [key, ev] of evidence) {
    const [track, actor] = key.split("\u0000") as [string, string];
    for (const list of Object.values(ev)) list.sort(cmp);
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
