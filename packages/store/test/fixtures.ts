import { articleId } from "@parley/core";
import type { Actor, Analysis, ArticleInput, Claim, Event, Mention } from "@parley/schema";
import type { IngestItem } from "../src";

/** Small articles written for these tests (not taken from any real outlet). */
export const ARTICLES: IngestItem[] = [
  {
    file: "cairo.txt",
    title: "Egypt hosts ceasefire talks",
    outlet: "Test Wire",
    published: "2024-02-05",
    url: "https://example.test/cairo",
    text:
      "Egypt hosts ceasefire talks\n\nEgyptian mediators met Hamas negotiators in Cairo on Monday to discuss a ceasefire. " +
      "Israel rejected the proposal for a permanent ceasefire, officials said. " +
      "Qatar urged both sides to release hostages. At least 40 people were killed in strikes overnight.",
  },
  {
    file: "doha.txt",
    title: "Qatar proposes prisoner exchange",
    outlet: "Example Times",
    published: "2024-03-10",
    url: "https://example.test/doha",
    text:
      "Qatar proposes prisoner exchange\n\nQatar proposed a prisoner exchange between Israel and Hamas. " +
      "The United States envoy travelled to Doha to support the plan. Hamas rejected the timetable.",
  },
  {
    file: "geneva.txt",
    title: "Aid convoy talks",
    outlet: "Test Wire",
    published: "2023-11-20",
    url: null,
    text:
      "Aid convoy talks\n\nThe United States urged Israel to open crossings for aid convoys. " +
      "Egypt met aid agencies about the Rafah crossing. More than 1000 people were displaced this week.",
  },
];

const KB: Actor[] = [
  { id: "egypt", name: "Egypt", type: "STATE", affiliation: null, aliases: ["Egyptian"], offices: [], known: true },
  { id: "hamas", name: "Hamas", type: "ARMED_GROUP", affiliation: null, aliases: [], offices: [], known: true },
  { id: "israel", name: "Israel", type: "STATE", affiliation: null, aliases: ["Israeli"], offices: [], known: true },
  { id: "qatar", name: "Qatar", type: "STATE", affiliation: null, aliases: ["Qatari"], offices: [], known: true },
  {
    id: "usa",
    name: "United States",
    type: "STATE",
    affiliation: null,
    aliases: ["US", "Washington"],
    offices: [],
    known: true,
  },
];

const TRIGGERS: [RegExp, Event["type"]][] = [
  [/\bmet\b/, "MEET"],
  [/\brejected\b/, "REJECT"],
  [/\burged\b/, "APPEAL"],
  [/\bproposed\b/, "PROPOSE"],
  [/\btravelled\b/, "TRAVEL"],
];
const ISSUES: [RegExp, string][] = [
  [/permanent ceasefire/, "ceasefire.permanent"],
  [/ceasefire/, "ceasefire"],
  [/hostages/, "hostages.release"],
  [/prisoner/, "prisoners.exchange"],
  [/crossing/, "humanitarian.crossings"],
];

/**
 * A deterministic stand-in for the extractor (the real one is being written): sentence-level keyword rules.
 * `version` changes the extractor version and, for "2", drops APPEAL events and lowers confidence.
 */
export function fakeAnalyze(input: ArticleInput, version = "test-1"): Analysis {
  const id = articleId(input.text);
  const text = input.text;
  const sentences: { start: number; end: number }[] = [];
  const re = /[^\n.!?]+[.!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = m.index + lead;
    const e = m.index + m[0].trimEnd().length;
    if (e > s) sentences.push({ start: s, end: e });
  }
  const mentions: Mention[] = [];
  const events: Event[] = [];
  const claims: Claim[] = [];
  const used = new Set<string>();
  sentences.forEach((sp, si) => {
    const sentence = text.slice(sp.start, sp.end);
    const found: { id: string; at: number }[] = [];
    for (const a of KB) {
      for (const name of [a.name, ...a.aliases]) {
        const at = sentence.search(new RegExp(`\\b${name}\\b`));
        if (at >= 0) {
          mentions.push({
            span: { start: sp.start + at, end: sp.start + at + name.length },
            text: name,
            actorId: a.id,
            resolvedBy: name === a.name ? "name" : "alias",
            sentence: si,
          });
          found.push({ id: a.id, at });
          used.add(a.id);
          break;
        }
      }
    }
    const order = found.sort((x, y) => x.at - y.at).map((f) => f.id);
    for (const [rx, type] of TRIGGERS) {
      const t = rx.exec(sentence);
      if (!t || found.length === 0) continue;
      if (version === "test-2" && type === "APPEAL") continue;
      const issues = ISSUES.filter(([r]) => r.test(sentence)).map(([, i]) => i);
      events.push({
        id: `${id}-e${events.length}`,
        articleId: id,
        type,
        source: [order[0]!],
        target: order.slice(1),
        mediators: [],
        issues,
        location: /Cairo/.test(sentence) ? { name: "Cairo", placeId: "cairo", lat: 30.04, lon: 31.24 } : null,
        date: input.published ? { value: input.published, precision: "day", raw: "published" } : null,
        status: "occurred",
        attributedTo: null,
        evidence: { text: sentence, start: sp.start, end: sp.end },
        trigger: t[0],
        confidence: version === "test-2" ? 0.6 : 0.8,
        extractorVersion: version,
      });
    }
    const k = /(\d+) people were (killed|displaced)/.exec(sentence);
    if (k) {
      claims.push({
        id: `${id}-c${claims.length}`,
        articleId: id,
        kind: k[2] === "killed" ? "killed" : "displaced",
        value: Number(k[1]),
        qualifier: /At least/.test(sentence) ? "at_least" : "more_than",
        subject: "people",
        location: null,
        claimant: null,
        asOf: input.published ?? null,
        raw: k[1]!,
        evidence: { text: sentence, start: sp.start, end: sp.end },
      });
    }
  });
  return {
    article: {
      id,
      title: input.title ?? null,
      text,
      outlet: input.outlet ?? null,
      url: input.url ?? null,
      published: input.published ?? null,
      language: input.language ?? "en",
    },
    dateline: null,
    sentences: sentences.map((s, index) => ({ index, span: s, headline: index === 0 })),
    actors: KB.filter((a) => used.has(a.id)),
    mentions,
    events,
    claims,
    framing: { terms: [], byActor: {} },
    extractorVersion: version,
  };
}
