import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type KbActor, type KbPlace, KnowledgeFileSchema } from "@parley/schema";
import { describe, expect, it } from "vitest";

const KB_DIR = fileURLToPath(new URL("../../kb", import.meta.url));

function listJson(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return listJson(path);
    return entry.endsWith(".json") ? [path] : [];
  });
}

const files = listJson(KB_DIR);
const knowledgeFiles = files.filter((f) => !f.includes(`${join("kb", "lexicons")}`));
const lexiconFiles = files.filter((f) => f.includes(`${join("kb", "lexicons")}`));

const actors: KbActor[] = [];
const places: KbPlace[] = [];
const parseErrors: string[] = [];
for (const file of knowledgeFiles) {
  const parsed = KnowledgeFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    parseErrors.push(`${file}: ${parsed.error.message}`);
    continue;
  }
  actors.push(...parsed.data.actors);
  places.push(...parsed.data.places);
}

const actorIds = new Set(actors.map((a) => a.id));
const placeById = new Map(places.map((p) => [p.id, p]));

/** Surface forms that really do name more than one actor of the same type. */
const SHARED_ALIASES = new Set(["congolese"]);

function norm(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .trim();
}

describe("knowledge base data", () => {
  it("finds the data files", () => {
    expect(knowledgeFiles.length).toBeGreaterThanOrEqual(5);
  });

  it("every file validates against KnowledgeFileSchema", () => {
    expect(parseErrors).toEqual([]);
  });

  it("ids are unique across all files", () => {
    const seen = new Map<string, number>();
    for (const id of [...actors.map((a) => a.id), ...places.map((p) => p.id)]) {
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([]);
  });

  it("affiliation, office, country and capital references resolve", () => {
    const broken: string[] = [];
    for (const a of actors) {
      if (a.affiliation !== null && !actorIds.has(a.affiliation)) broken.push(`${a.id} affiliation ${a.affiliation}`);
      for (const o of a.offices) if (!actorIds.has(o.of)) broken.push(`${a.id} office of ${o.of}`);
      if (a.capital !== null && !placeById.has(a.capital)) broken.push(`${a.id} capital ${a.capital}`);
    }
    for (const p of places) {
      if (p.country !== null && !actorIds.has(p.country)) broken.push(`${p.id} country ${p.country}`);
    }
    expect(broken).toEqual([]);
  });

  it("has the 193 UN member states plus Palestine, Kosovo, Taiwan and the Sahrawi Republic", () => {
    const states = actors.filter((a) => a.type === "STATE");
    expect(states).toHaveLength(197);
    for (const id of ["PSE", "XKX", "TWN", "ESH", "USA", "RUS", "EGY"]) expect(actorIds.has(id)).toBe(true);
    for (const s of states) expect(s.id).toMatch(/^[A-Z]{3}$/);
  });

  it("every state has a capital city and a country place", () => {
    const missing: string[] = [];
    for (const s of actors.filter((a) => a.type === "STATE")) {
      const capital = s.capital === null ? undefined : placeById.get(s.capital);
      if (!capital?.capital || capital.kind !== "city" || capital.country !== s.id) {
        missing.push(`${s.id} capital`);
      }
      if (!placeById.has(`place:${s.id}`)) missing.push(`${s.id} country place`);
    }
    expect(missing).toEqual([]);
  });

  it("offices have a role from the fixed list and ordered dates", () => {
    const roles = new Set([
      "head_of_state",
      "head_of_government",
      "foreign_minister",
      "defence_minister",
      "finance_minister",
      "justice_minister",
      "security_minister",
      "interior_minister",
      "intelligence_chief",
      "national_security_adviser",
      "chief_of_staff",
      "spokesperson",
      "envoy",
      "chief_negotiator",
      "secretary_general",
      "leader",
      "deputy_leader",
      "political_bureau_chief",
      "military_commander",
      "speaker",
      "high_representative",
      "agency_head",
    ]);
    const bad: string[] = [];
    for (const a of actors) {
      for (const o of a.offices) {
        if (!roles.has(o.role)) bad.push(`${a.id} role ${o.role}`);
        if (o.start && o.end && o.start > o.end) bad.push(`${a.id} ${o.role} ${o.start} > ${o.end}`);
      }
      if (a.offices.length > 0 && a.type !== "PERSON") bad.push(`${a.id} has offices but is ${a.type}`);
    }
    expect(bad).toEqual([]);
  });

  it("coordinates are in range and not the null island", () => {
    const bad = places.filter((p) => Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180 || (p.lat === 0 && p.lon === 0));
    expect(bad.map((p) => p.id)).toEqual([]);
  });

  it("no surface form names two actors of the same type unless it is known to be shared", () => {
    const owners = new Map<string, Set<string>>();
    for (const a of actors) {
      for (const form of [a.name, ...a.aliases, ...a.demonyms]) {
        const key = `${a.type}|${norm(form)}`;
        const set = owners.get(key) ?? new Set<string>();
        set.add(a.id);
        owners.set(key, set);
      }
    }
    const collisions = [...owners]
      .filter(([key, ids]) => ids.size > 1 && !SHARED_ALIASES.has(key.split("|")[1] ?? ""))
      .map(([key, ids]) => `${key} → ${[...ids].join(", ")}`);
    expect(collisions).toEqual([]);
  });

  it("title lexicons are well formed", () => {
    for (const file of lexiconFiles) {
      const data = JSON.parse(readFileSync(file, "utf8")) as {
        titles?: { title: string; role: string; of?: string[] }[];
      };
      for (const t of data.titles ?? []) {
        expect(t.title).toBe(t.title.toLowerCase());
        expect(t.role.length).toBeGreaterThan(0);
        for (const of of t.of ?? []) expect(actorIds.has(of)).toBe(true);
      }
    }
  });
});
