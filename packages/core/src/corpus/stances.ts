import type { Event, EventType } from "@parley/schema";
import { dateSortKey } from "./dates";
import { type CorpusView, cmp, cmpNullLast, indexCorpus, topIssue } from "./view";

/** What an actor does about an issue. */
export type StanceKind = "demands" | "proposes" | "accepts" | "rejects" | "urges";

/** Stances that are in favour of what they name (an `urges` is pressure on someone else, not a position). */
export const POSITIVE_STANCES: readonly StanceKind[] = ["demands", "proposes", "accepts"];

/** The stance an event type expresses (its source's; for AGREE its source's and target's). */
export const STANCE_OF: Readonly<Partial<Record<EventType, StanceKind>>> = {
  DEMAND: "demands",
  PROPOSE: "proposes",
  COUNTER_PROPOSE: "proposes",
  ACCEPT: "accepts",
  AGREE: "accepts",
  REJECT: "rejects",
  APPEAL: "urges",
};

export interface StanceOptions {
  /**
   * Attribute stances to the affiliation root (a delegation's or a minister's stance is its state's or
   * movement's). Default true.
   */
  rollUp?: boolean;
  /**
   * Count a negated ACCEPT/AGREE ("Hamas has not accepted the proposal") as `rejects`. Default false: not
   * (yet) accepting is not the same as rejecting — the guide codes real refusals as REJECT — so negated events
   * are ignored like planned and hypothetical ones.
   */
  negatedAcceptAsReject?: boolean;
}

/** One stance taken in one event, with its evidence. */
export interface StanceRecord {
  actor: string;
  /** The issue id as extracted (may be a dotted sub-issue). */
  issue: string;
  stance: StanceKind;
  eventId: string;
  articleId: string;
  eventType: EventType;
  /** The event date value, or null when the event is undated. */
  date: string | null;
  /** The article's publication date. */
  published: string | null;
  /** Whom the stance is addressed to (the event's target, rolled up like `actor`). */
  targets: string[];
  evidence: string;
}

/** All stances of one actor on one issue, oldest first, and the latest. */
export interface StanceHistory {
  actor: string;
  issue: string;
  history: StanceRecord[];
  latest: StanceRecord;
}

/** Chronological key: the event date, falling back to the article's publication date. */
function when(r: StanceRecord): string | null {
  return r.date ? dateSortKey(r.date) : r.published;
}

/** Orders stance records oldest first; undated and unpublished records come first so they never count as latest. */
export function compareStances(a: StanceRecord, b: StanceRecord): number {
  const wa = when(a);
  const wb = when(b);
  if (wa === null || wb === null) {
    if (wa !== wb) return wa === null ? -1 : 1;
  } else if (wa !== wb) return cmp(wa, wb);
  return cmpNullLast(a.published, b.published) || cmp(a.articleId, b.articleId) || cmp(a.eventId, b.eventId);
}

/**
 * Every stance in the corpus, oldest first. DEMAND → demands, PROPOSE/COUNTER_PROPOSE → proposes,
 * ACCEPT/AGREE → accepts, REJECT → rejects, APPEAL → urges. Only `occurred` events count (see
 * `negatedAcceptAsReject`); the stance holder is the source, and for AGREE source and target alike. Events
 * without issues carry no stance on an issue and are skipped.
 */
export function stanceRecords(
  view: Pick<CorpusView, "articles" | "events" | "actors">,
  options: StanceOptions = {},
): StanceRecord[] {
  const rollUp = options.rollUp ?? true;
  const idx = indexCorpus(view);
  const map = (id: string) => (rollUp ? idx.root(id) : id);
  const out: StanceRecord[] = [];
  for (const e of view.events) {
    let stance = STANCE_OF[e.type];
    if (!stance || e.issues.length === 0) continue;
    if (e.status !== "occurred") {
      const flip =
        options.negatedAcceptAsReject && e.status === "negated" && (e.type === "ACCEPT" || e.type === "AGREE");
      if (!flip) continue;
      stance = "rejects";
    }
    const holders = new Set((e.type === "AGREE" ? [...e.source, ...e.target] : e.source).map(map));
    const targets = [...new Set(e.target.map(map))].sort(cmp);
    const published = idx.article(e.articleId)?.published ?? null;
    for (const actor of [...holders].sort(cmp))
      for (const issue of [...new Set(e.issues)].sort(cmp))
        out.push(
          record(e, actor, issue, stance, published, e.type === "AGREE" ? targets.filter((t) => t !== actor) : targets),
        );
  }
  return out.sort(compareStances);
}

function record(
  e: Event,
  actor: string,
  issue: string,
  stance: StanceKind,
  published: string | null,
  targets: string[],
): StanceRecord {
  return {
    actor,
    issue,
    stance,
    eventId: e.id,
    articleId: e.articleId,
    eventType: e.type,
    date: e.date?.value ?? null,
    published,
    targets,
    evidence: e.evidence.text,
  };
}

/** Stance histories per (actor, issue), sorted by actor then issue. */
export function stanceHistories(
  view: Pick<CorpusView, "articles" | "events" | "actors">,
  options: StanceOptions = {},
): StanceHistory[] {
  const groups = new Map<string, StanceRecord[]>();
  for (const r of stanceRecords(view, options)) {
    const key = `${r.actor}\u0000${r.issue}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()]
    .map((history) => ({
      actor: history[0]!.actor,
      issue: history[0]!.issue,
      history,
      latest: history[history.length - 1]!,
    }))
    .sort((a, b) => cmp(a.actor, b.actor) || cmp(a.issue, b.issue));
}

export interface StanceMatrix {
  /** Actors with at least one stance, sorted. */
  actors: string[];
  /** Top-level issues with at least one stance, sorted. */
  issues: string[];
  /** `cells[actor][issue]`: the actor's latest stance on the top-level issue or any of its sub-issues. */
  cells: Record<string, Record<string, StanceRecord>>;
}

/** Actors × top-level issues, each cell the latest stance (sparse: absent when the actor took none). */
export function stanceMatrix(histories: readonly StanceHistory[]): StanceMatrix {
  const cells: Record<string, Record<string, StanceRecord>> = {};
  const issues = new Set<string>();
  for (const h of histories) {
    const top = topIssue(h.issue);
    issues.add(top);
    let row = cells[h.actor];
    if (!row) {
      row = {};
      cells[h.actor] = row;
    }
    const prev = row[top];
    if (!prev || compareStances(prev, h.latest) < 0) row[top] = h.latest;
  }
  return { actors: Object.keys(cells).sort(cmp), issues: [...issues].sort(cmp), cells };
}

/** Why two latest stances conflict. */
export type ConflictKind = "opposed" | "mutual_demands";

export interface StanceConflict {
  kind: ConflictKind;
  /** `opposed`: the side that demands, proposes or accepts; `mutual_demands`: the earlier demand. */
  for: StanceRecord;
  /** `opposed`: the side that rejects; `mutual_demands`: the later demand. */
  against: StanceRecord;
}

export interface StickingPoint {
  /** Top-level issue. */
  issue: string;
  /** Actors on either side of any conflict, sorted. */
  actors: string[];
  conflicts: StanceConflict[];
}

/**
 * Issues on which actors' latest stances conflict:
 * - `opposed`: one actor's latest stance on an issue is demands/proposes/accepts while another's latest on the
 *   same issue — or on its parent, since rejecting "ceasefire" also rejects "ceasefire.permanent" — is rejects;
 * - `mutual_demands`: two actors each demand something on the same issue of the other (each insists the other
 *   give way), which the issue ids alone cannot show to be compatible.
 * A later change of mind clears the conflict (only latest stances count). Sorted by issue.
 */
export function stickingPoints(histories: readonly StanceHistory[]): StickingPoint[] {
  const byTop = new Map<string, StanceRecord[]>();
  for (const h of histories) {
    const top = topIssue(h.issue);
    const list = byTop.get(top);
    if (list) list.push(h.latest);
    else byTop.set(top, [h.latest]);
  }
  const out: StickingPoint[] = [];
  for (const [issue, latest] of byTop) {
    const conflicts: StanceConflict[] = [];
    const rejects = latest.filter((r) => r.stance === "rejects");
    const positives = latest.filter((r) => POSITIVE_STANCES.includes(r.stance));
    for (const neg of rejects)
      for (const pos of positives)
        if (pos.actor !== neg.actor && (pos.issue === neg.issue || pos.issue.startsWith(`${neg.issue}.`)))
          conflicts.push({ kind: "opposed", for: pos, against: neg });
    const demands = latest.filter((r) => r.stance === "demands");
    for (let i = 0; i < demands.length; i++)
      for (let j = 0; j < demands.length; j++) {
        const a = demands[i]!;
        const b = demands[j]!;
        if (a.actor === b.actor || a.issue !== b.issue || compareStances(a, b) >= 0) continue;
        if (a.targets.includes(b.actor) && b.targets.includes(a.actor))
          conflicts.push({ kind: "mutual_demands", for: a, against: b });
      }
    if (!conflicts.length) continue;
    conflicts.sort(
      (x, y) =>
        cmp(x.kind, y.kind) ||
        cmp(x.for.actor, y.for.actor) ||
        cmp(x.against.actor, y.against.actor) ||
        cmp(x.for.issue, y.for.issue),
    );
    const actors = new Set(conflicts.flatMap((c) => [c.for.actor, c.against.actor]));
    out.push({ issue, actors: [...actors].sort(cmp), conflicts });
  }
  return out.sort((a, b) => cmp(a.issue, b.issue));
}
