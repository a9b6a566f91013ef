import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../text/normalize";
import { segment } from "../text/sentences";
import { findClaims } from "./claims";

// packages/core/src/claims → repo root → ../shared
const SHARED = fileURLToPath(new URL("../../../../../shared", import.meta.url));
const present = existsSync(`${SHARED}/corpus`) && existsSync(`${SHARED}/gold`);
const suite = present ? describe : describe.skip;
if (!present) console.info(`claims corpus test skipped: ${SHARED} (the shared gold corpus) is not present`);

interface GoldClaim {
  kind: string;
  value: number;
}

suite("findClaims on the shared gold corpus (kind + value)", () => {
  it("reaches F1 >= 0.85", () => {
    let hits = 0;
    let predicted = 0;
    let gold = 0;
    for (const corpus of ["seeds", "dev"]) {
      const dir = `${SHARED}/corpus/${corpus}`;
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
        const goldPath = `${SHARED}/gold/${corpus}/${file.replace(/\.txt$/, ".json")}`;
        if (!existsSync(goldPath)) continue;
        const claims = (JSON.parse(readFileSync(goldPath, "utf8")) as { claims?: GoldClaim[] }).claims ?? [];
        const { text } = normalizeText(readFileSync(`${dir}/${file}`, "utf8"));
        const seg = segment(text);
        const pred = seg.sentences.flatMap((s) => findClaims(text, s)).map((c) => `${c.kind}:${Math.round(c.value)}`);
        const remaining = claims.map((c) => `${c.kind}:${Math.round(c.value)}`);
        gold += remaining.length;
        predicted += pred.length;
        for (const p of pred) {
          const k = remaining.indexOf(p);
          if (k >= 0) {
            remaining.splice(k, 1);
            hits++;
          }
        }
      }
    }
    const p = predicted ? hits / predicted : 0;
    const r = gold ? hits / gold : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    expect(gold).toBeGreaterThan(0);
    expect(f1).toBeGreaterThanOrEqual(0.85);
  });
});
