import type { Actor, ActorType, KbActor } from "@parley/schema";
import type { KnowledgeBase } from "../kb";

/** The actors one article refers to: knowledge-base entries plus bodies and names generated on the way. */
export class ActorRegistry {
  private readonly used = new Map<string, Actor>();

  constructor(readonly kb: KnowledgeBase) {}

  get(id: string): Actor | undefined {
    return this.used.get(id) ?? this.fromKb(id);
  }

  /** Marks a knowledge-base actor as referred to by the article (with its affiliation chain). */
  use(id: string): Actor | undefined {
    const existing = this.used.get(id);
    if (existing) return existing;
    const actor = this.fromKb(id);
    if (actor) this.used.set(id, actor);
    return actor;
  }

  /** An actor known only from this article (a generated body or an unknown named entity). */
  ensure(id: string, make: () => Actor): Actor {
    const existing = this.used.get(id) ?? this.fromKb(id);
    if (existing) {
      this.used.set(id, existing);
      return existing;
    }
    const actor = make();
    this.used.set(id, actor);
    return actor;
  }

  /** A state's body (foreign ministry, delegation, armed forces): found by name in the knowledge base or generated. */
  body(stateId: string, kind: BodyKind): Actor | undefined {
    const owner = this.get(stateId);
    if (!owner) return undefined;
    const name = bodyName(owner, kind, this.kb.adjectiveOf.get(stateId));
    const known = this.findByName(name);
    if (known) return this.use(known);
    return this.ensure(`gov:${stateId}:${kind}`, () => ({
      id: `gov:${stateId}:${kind}`,
      name,
      type: "GOVERNMENT",
      affiliation: stateId,
      aliases: [],
      offices: [],
      known: false,
    }));
  }

  findByName(name: string): string | undefined {
    return this.kb.idByExactName(name);
  }

  all(): Actor[] {
    return [...this.used.values()];
  }

  private readonly converted = new Map<string, Actor>();

  private fromKb(id: string): Actor | undefined {
    const cached = this.converted.get(id);
    if (cached) return cached;
    const kb = this.kb.actors.get(id);
    if (!kb) return undefined;
    const actor = toActor(kb);
    this.converted.set(id, actor);
    return actor;
  }
}

export type BodyKind = "foreign-ministry" | "defence-ministry" | "health-ministry" | "delegation" | "armed-forces";

function bodyName(owner: Actor, kind: BodyKind, adjective: string | undefined): string {
  const of = owner.name;
  switch (kind) {
    case "foreign-ministry":
      return `Ministry of Foreign Affairs (${of})`;
    case "defence-ministry":
      return `Ministry of Defence (${of})`;
    case "health-ministry":
      return `Ministry of Health (${of})`;
    case "delegation":
      return `${owner.type === "STATE" && adjective ? adjective : shortName(owner)} delegation`;
    case "armed-forces":
      return `${owner.type === "STATE" && adjective ? adjective : of} Armed Forces`;
  }
}

function shortName(actor: Actor): string {
  const acronym = actor.aliases.find((a) => /^[A-Z]{2,6}$/.test(a));
  return acronym && actor.name.length > 20 ? acronym : actor.name;
}

export function toActor(kb: KbActor): Actor {
  return {
    id: kb.id,
    name: kb.name,
    type: kb.type,
    affiliation: kb.affiliation,
    aliases: kb.aliases,
    offices: kb.offices,
    known: true,
  };
}

export const PARTY_TYPES = new Set<ActorType>(["STATE", "ARMED_GROUP", "POLITICAL"]);
