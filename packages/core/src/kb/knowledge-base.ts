import {
  type KbActor,
  type KbPlace,
  type KnowledgeFile,
  type KnowledgeFileInput,
  KnowledgeFileSchema,
  type Office,
} from "@parley/schema";
import { PhraseIndex } from "./phrase-index";

export interface TitleEntry {
  title: string;
  role: string;
  /** State or organisation ids the title is specific to ("secretary of state" → USA). */
  of?: string[];
}

interface OfficeHolder {
  personId: string;
  start: string | null;
  end: string | null;
}

/** Indexes over the knowledge files: names, demonyms, capitals, offices with dates, titles and places. */
export class KnowledgeBase {
  readonly actors = new Map<string, KbActor>();
  readonly places = new Map<string, KbPlace>();
  /** Names, aliases and descriptions → actor id. */
  readonly names = new PhraseIndex<string>();
  /** Demonyms (Egyptian, Egyptians) → state id. */
  readonly demonyms = new PhraseIndex<string>();
  /** Place names → place id. */
  readonly placeNames = new PhraseIndex<string>();
  /** Job titles → role. */
  readonly titles = new PhraseIndex<TitleEntry>();
  /** Capital place id → state id. */
  readonly stateOfCapital = new Map<string, string>();
  /** State id → capital place id. */
  readonly capitalOfState = new Map<string, string>();
  private readonly officeHolders = new Map<string, OfficeHolder[]>();
  /** Lower-case person surnames → person ids, for names written without a first name. */
  readonly surnames = new Map<string, string[]>();
  /** Demonym adjective per state id, for naming generated bodies ("Israeli delegation"). */
  readonly adjectiveOf = new Map<string, string>();

  constructor(files: KnowledgeFile[], titles: TitleEntry[]) {
    for (const file of files) {
      for (const actor of file.actors) this.addActor(actor);
      for (const place of file.places) this.places.set(place.id, place);
    }
    for (const actor of this.actors.values()) {
      this.names.add(actor.name, actor.id);
      for (const alias of actor.aliases) this.names.add(alias, actor.id);
      for (const description of actor.descriptions) this.names.add(description, actor.id);
      for (const demonym of actor.demonyms) this.demonyms.add(demonym, actor.id);
      const adjective = actor.demonyms.find((d) => !/s$/.test(d) || /ese$/.test(d)) ?? actor.demonyms[0];
      if (adjective) this.adjectiveOf.set(actor.id, adjective);
      if (actor.capital) {
        this.stateOfCapital.set(actor.capital, actor.id);
        this.capitalOfState.set(actor.id, actor.capital);
      }
      for (const office of actor.offices) this.addOffice(actor.id, office);
      if (actor.type === "PERSON") {
        // Surnames of the canonical name and of multi-word aliases ("Mohammed Al-Arabi" → "al-arabi").
        for (const name of [actor.name, ...actor.aliases]) {
          const parts = name.split(/\s+/);
          const surname = parts[parts.length - 1]?.toLowerCase();
          if (!surname || parts.length < 2) continue;
          const ids = this.surnames.get(surname) ?? [];
          if (!ids.includes(actor.id)) this.surnames.set(surname, [...ids, actor.id]);
        }
      }
    }
    for (const place of this.places.values()) {
      this.placeNames.add(place.name, place.id);
      for (const alias of place.aliases) this.placeNames.add(alias, place.id);
    }
    for (const title of titles) this.titles.add(title.title, title);
    this.names.freeze();
    this.demonyms.freeze();
    this.placeNames.freeze();
    this.titles.freeze();
  }

  private addActor(actor: KbActor): void {
    const existing = this.actors.get(actor.id);
    if (!existing) {
      this.actors.set(actor.id, { ...actor });
      return;
    }
    // A user file extends a shipped entry: union of names and offices, user fields win.
    this.actors.set(actor.id, {
      ...existing,
      ...actor,
      aliases: [...new Set([...existing.aliases, ...actor.aliases])],
      descriptions: [...new Set([...existing.descriptions, ...actor.descriptions])],
      demonyms: [...new Set([...existing.demonyms, ...actor.demonyms])],
      offices: [...existing.offices, ...actor.offices],
    });
  }

  private addOffice(personId: string, office: Office): void {
    const key = `${office.role}|${office.of}`;
    const holders = this.officeHolders.get(key) ?? [];
    holders.push({ personId, start: office.start ?? null, end: office.end ?? null });
    this.officeHolders.set(key, holders);
  }

  private exactNames: Map<string, string> | null = null;

  /** The actor whose canonical name or alias is exactly `name`. */
  idByExactName(name: string): string | undefined {
    if (!this.exactNames) {
      this.exactNames = new Map();
      for (const actor of this.actors.values()) {
        for (const n of [actor.name, ...actor.aliases]) if (!this.exactNames.has(n)) this.exactNames.set(n, actor.id);
      }
    }
    return this.exactNames.get(name);
  }

  /** Who held `role` of `of` on `date` (YYYY-MM-DD); with no date, only an office with a single holder answers. */
  officeHolder(role: string, of: string, date: string | null): string | null {
    const holders = this.officeHolders.get(`${role}|${of}`);
    if (!holders?.length) return null;
    if (!date) return holders.length === 1 ? holders[0]!.personId : null;
    const current = holders.filter((h) => (!h.start || h.start <= date) && (!h.end || date <= h.end));
    return current.length === 1 ? current[0]!.personId : null;
  }

  /** The state or organisation at the top of an actor's affiliation chain. */
  root(id: string): string {
    let current = id;
    for (let depth = 0; depth < 6; depth++) {
      const up = this.actors.get(current)?.affiliation;
      if (!up || !this.actors.has(up)) break;
      current = up;
    }
    return current;
  }
}

/** Builds a knowledge base from shipped files plus user files (validated at the edge, re-parsed here for defaults). */
export function buildKnowledgeBase(
  shipped: KnowledgeFileInput[],
  titles: TitleEntry[],
  extra: KnowledgeFileInput[] = [],
): KnowledgeBase {
  const files = [...shipped, ...extra].map((f) => KnowledgeFileSchema.parse(f));
  return new KnowledgeBase(files, titles);
}
