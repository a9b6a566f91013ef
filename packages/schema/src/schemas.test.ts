import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type Actor,
  ActorSchema,
  AnalysisSchema,
  ArticleInputSchema,
  ArticleSchema,
  ClaimSchema,
  EVENT_TYPES,
  type Event,
  EventSchema,
  ExtractOutputSchema,
  GoldArticleSchema,
  IssueSchema,
  KnowledgeFileSchema,
  MentionSchema,
  parleyJsonSchema,
} from "./index";

const evidence = { text: "Talks resumed.", start: 10, end: 24 };
const event: Event = {
  id: "e1",
  articleId: "0123456789abcdef",
  type: "RESUME",
  source: ["org:hamas"],
  target: [],
  mediators: ["QAT"],
  issues: ["ceasefire", "blockade.crossings"],
  location: { name: "Cairo", placeId: "place:cairo", lat: 30.04, lon: 31.24 },
  date: { value: "2024-02-14", precision: "day", raw: "on Wednesday" },
  status: "planned",
  attributedTo: null,
  evidence,
  trigger: "resumed",
  confidence: 0.8,
  extractorVersion: "0.1.0",
};
const actor: Actor = {
  id: "EGY",
  name: "Egypt",
  type: "STATE",
  affiliation: null,
  aliases: ["Cairo"],
  offices: [],
  known: true,
};
const article = {
  id: "0123456789abcdef",
  title: "Talks resume",
  text: "x".repeat(30),
  outlet: "Example Wire",
  url: "https://example.org/a",
  published: "2024-02-14",
  language: "en",
};

describe("schemas accept valid values and reject invalid ones", () => {
  const cases: Array<[string, { safeParse(v: unknown): { success: boolean } }, unknown, unknown]> = [
    ["Article", ArticleSchema, article, { ...article, id: "not-a-hash" }],
    ["Article (bad date)", ArticleSchema, article, { ...article, published: "14/02/2024" }],
    ["ArticleInput", ArticleInputSchema, { text: "Hello." }, { title: "no text" }],
    ["Actor", ActorSchema, actor, { ...actor, type: "COUNTRY" }],
    [
      "Mention",
      MentionSchema,
      { span: { start: 0, end: 5 }, text: "Egypt", actorId: "EGY", resolvedBy: "name", sentence: 0 },
      { span: { start: 5, end: 0 }, text: "Egypt", actorId: "EGY", resolvedBy: "name", sentence: 0 },
    ],
    ["Event", EventSchema, event, { ...event, type: "NEGOTIATE" }],
    ["Event (evidence length)", EventSchema, event, { ...event, evidence: { text: "short", start: 0, end: 99 } }],
    ["Event (status)", EventSchema, event, { ...event, status: "rumoured" }],
    [
      "Event (date precision)",
      EventSchema,
      event,
      { ...event, date: { value: "2024-02", precision: "week", raw: "" } },
    ],
    ["Event (confidence)", EventSchema, event, { ...event, confidence: 1.5 }],
    [
      "Claim",
      ClaimSchema,
      {
        id: "c1",
        articleId: article.id,
        kind: "killed",
        value: 28000,
        qualifier: "nearly",
        subject: "Palestinians",
        location: "Gaza",
        claimant: null,
        asOf: "2024-02",
        raw: "nearly 28,000",
        evidence,
      },
      {
        id: "c1",
        articleId: article.id,
        kind: "killed",
        value: Number.POSITIVE_INFINITY,
        qualifier: "nearly",
        subject: null,
        location: null,
        claimant: null,
        asOf: null,
        raw: "",
        evidence,
      },
    ],
    [
      "Issue",
      IssueSchema,
      { id: "blockade.crossings", label: "Border crossings", parent: "blockade" },
      { id: "Blockade Crossings", label: "x", parent: null },
    ],
    [
      "KnowledgeFile",
      KnowledgeFileSchema,
      { actors: [{ id: "x", name: "X", type: "PERSON" }] },
      { actors: [{ id: "x", type: "PERSON" }] },
    ],
    [
      "GoldArticle",
      GoldArticleSchema,
      { article: "a.txt", events: [{ type: "MEET", evidence: "They met." }] },
      { events: [] },
    ],
    ["ExtractOutput", ExtractOutputSchema, { articles: [] }, { articles: [{ file: "a.txt" }] }],
  ];
  it.each(cases)("%s", (_name, schema, valid, invalid) => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse(invalid).success).toBe(false);
  });

  it("an analysis ties the parts together and fills defaults", () => {
    const parsed = AnalysisSchema.parse({
      article,
      dateline: null,
      sentences: [{ index: 0, span: { start: 0, end: 30 }, headline: true }],
      actors: [{ ...actor, offices: undefined, known: undefined }],
      mentions: [],
      events: [event],
      claims: [],
      framing: { terms: [{ term: "militants", frame: "delegitimising", count: 2, actors: [] }], byActor: {} },
      extractorVersion: "0.1.0",
    });
    expect(parsed.actors[0]!.offices).toEqual([]);
    expect(parsed.actors[0]!.known).toBe(true);
  });

  it("knows the 22 event types of the guide", () => {
    expect(EVENT_TYPES).toHaveLength(22);
    expect(new Set(EVENT_TYPES).size).toBe(22);
  });

  it("types are inferred from the schemas", () => {
    expectTypeOf<Event["status"]>().toEqualTypeOf<"occurred" | "planned" | "hypothetical" | "negated">();
    expectTypeOf<Actor["affiliation"]>().toEqualTypeOf<string | null>();
  });
});

describe("JSON Schema export", () => {
  it("has every public schema under $defs with input shapes", () => {
    const doc = parleyJsonSchema() as {
      $defs: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    };
    for (const name of ["Article", "Actor", "Mention", "Event", "Claim", "Issue", "Analysis", "ExtractOutput"]) {
      expect(doc.$defs[name], name).toBeDefined();
    }
    expect(doc.$defs.Event!.properties).toHaveProperty("evidence");
    // Defaults are optional on input: an actor without offices is valid input.
    expect(doc.$defs.Actor!.required).not.toContain("offices");
  });
});
