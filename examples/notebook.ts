// Run with: pnpm exec tsx examples/notebook.ts
// Uses the extractor directly as a library, the way a notebook or script would.
import { readFileSync } from "node:fs";
import { analyzeArticle } from "@parley/core";

const text = readFileSync(new URL("./articles/01-doha-talks.txt", import.meta.url), "utf8");
const analysis = analyzeArticle({ text, published: "2024-03-14", outlet: "Parley Sample Wire" });

console.log(`${analysis.article.title} — ${analysis.events.length} events, ${analysis.claims.length} claims`);
const names = new Map(analysis.actors.map((a) => [a.id, a.name]));
for (const e of analysis.events) {
  const who = e.source.map((id) => names.get(id)).join(", ") || "—";
  const whom = e.target.map((id) => names.get(id)).join(", ");
  console.log(
    `${e.type.padEnd(10)} ${e.status.padEnd(12)} ${who}${whom ? ` → ${whom}` : ""}  «${e.evidence.text.slice(0, 60)}…»`,
  );
}
for (const c of analysis.claims) console.log(`claim ${c.kind} ${c.qualifier} ${c.value} (${c.subject ?? "?"})`);
