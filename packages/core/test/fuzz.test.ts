/**
 * Property-based fuzzing of every parser and of the whole `analyzeArticle` (issue 6).
 *
 * `PARLEY_FUZZ_CASES` is the total number of cases across all properties (default 100,000, what CI runs);
 * `pnpm fuzz` runs 1,000,000. Each property takes a fixed share: many cheap cases for the small parsers,
 * fewer for `analyzeArticle`. `PARLEY_FUZZ_SEED` replays a run.
 */
import { type Analysis, AnalysisSchema, PartialDateSchema, QualifierSchema } from "@parley/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { analyzeArticle } from "../src/analyze";
import { findClaims } from "../src/claims/claims";
import { findNumbers } from "../src/claims/numbers";
import { findDateExpressions } from "../src/dates/resolve";
import { parseDateline } from "../src/text/dateline";
import { normalizeText } from "../src/text/normalize";
import { segment, splitSentences } from "../src/text/sentences";
import { tokenize } from "../src/text/tokens";

const TOTAL = Number(process.env.PARLEY_FUZZ_CASES ?? 100_000);
const SEED = process.env.PARLEY_FUZZ_SEED ? Number(process.env.PARLEY_FUZZ_SEED) : undefined;

/** Shares of the total per property (sum 1). */
const SHARE = {
  normalizeText: 0.12,
  segment: 0.12,
  splitSentences: 0.1,
  parseDateline: 0.14,
  findDateExpressions: 0.14,
  findNumbers: 0.14,
  findClaims: 0.1,
  tokenize: 0.12,
  analyzeArticle: 0.02,
};
const runs = (k: keyof typeof SHARE) => Math.max(1, Math.round(TOTAL * SHARE[k]));
const params = (k: keyof typeof SHARE) => ({ numRuns: runs(k), seed: SEED, endOnFailure: true });
/** A bound for a whole property, scaled with its case count: generous, only there to stop a hang. */
const bound = (k: keyof typeof SHARE) => 60_000 + runs(k) * (k === "analyzeArticle" ? 200 : 5);

/** Words and marks the parsers key on, so random strings reach their deep paths. */
const PIECES = [
  "Egyptian mediators met a Hamas delegation in Cairo on Tuesday.",
  "Qatar urged both sides to release 1,200 detainees.",
  "At least 40 people were killed, the ministry said.",
  "CAIRO, Feb 6 (Invented Wire) - ",
  "DOHA — ",
  "March 7 (UPI) -- ",
  "Cairo: ",
  "on October 7, 2023",
  "last week",
  "two days after",
  "in late August",
  "between 10 and 20",
  "more than",
  "nearly",
  "Ninety-four",
  "two hundred",
  "a million",
  "tens of thousands",
  "٣٠٠",
  "1e309",
  "46,700",
  "1.4 million",
  "U.S.",
  "al-Sisi",
  "Shi'ite",
  "'s",
  " ",
  "\n",
  "\n\n",
  "\r\n",
  "\t",
  ".",
  "...",
  "?",
  "!",
  '"',
  "\u201c",
  "\u201d",
  "\u2019",
  "\u2014",
  "-",
  "(",
  ")",
  "/",
  ":",
  ",",
  "\u00a0",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u00ad",
  "\u0301",
  "\u0000",
  "\u0085",
  "\u2028",
  "\ud800",
  "\udfff",
  "\ud83d\ude00",
  "\u05e9\u05dc\u05d5\u05dd",
  "\u0633\u0644\u0627\u0645",
  "Advertisement",
  "Photo: AP",
];

/** Article-like text: random strings of every kind mixed with the pieces above. */
const textArb = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][a-z]{0,8}$/) },
      { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e12 }).map(String) },
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));

/** A text and a range inside it (possibly empty, possibly the whole text). */
const rangeArb = textArb.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) })),
);

const published = fc.option(fc.constantFrom("2014-07-20", "2024-02-29", "1999-12-31", "2024-13-45", "garbage"), {
  nil: null,
});

const validPublished = fc.option(fc.constantFrom("2014-07-20", "2024-02-29", "1999-12-31"), { nil: null });

const Span = (len: number, lo = 0) =>
  z
    .object({ start: z.number().int().min(lo).max(len), end: z.number().int().min(lo).max(len) })
    .refine((s) => s.end >= s.start, "end before start");

function expectSpans(spans: { start: number; end: number }[], len: number, lo = 0, hi = len) {
  for (const s of spans) Span(len, lo).parse(s);
  for (const s of spans) expect(s.end).toBeLessThanOrEqual(hi);
}

const TokenSchema = z.object({
  text: z.string().min(1),
  lower: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int(),
  kind: z.enum(["word", "number", "punct"]),
  cap: z.boolean(),
});
const DatelineSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int(),
  place: z.string().min(1).nullable(),
  outlet: z.string().min(1).nullable(),
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
  year: z.number().int().nullable(),
});
const DateValueSchema = z.object({ value: PartialDateSchema, precision: z.enum(["day", "month", "year"]) });
const DateExpressionSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int(),
  raw: z.string().min(1),
  past: DateValueSchema.nullable(),
  future: DateValueSchema.nullable(),
  relative: z.boolean(),
});
const NumberMentionSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int(),
  raw: z.string().min(1),
  value: z.number().finite(),
  vague: z.boolean(),
  ordinal: z.boolean(),
  qualifier: QualifierSchema,
  qualifierStart: z.number().int().nonnegative(),
});
const RawClaimSchema = z.object({
  kind: z.string().min(1),
  value: z.number().finite(),
  qualifier: QualifierSchema,
  subject: z.string().nullable(),
  location: z.string().nullable(),
  raw: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int(),
});

function expectEvidence(a: Analysis, text: string) {
  for (const item of [...a.events, ...a.claims]) {
    const { start, end } = item.evidence;
    expect(end).toBeLessThanOrEqual(text.length);
    expect(text.slice(start, end)).toBe(item.evidence.text);
  }
  for (const m of a.mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  for (const s of a.sentences) expect(s.span.end).toBeLessThanOrEqual(text.length);
}

describe(`fuzzing the parsers (${TOTAL.toLocaleString("en")} cases in all)`, () => {
  it(
    "normalizeText: the offset map is monotone, total and ends at the original length",
    () => {
      fc.assert(
        fc.property(textArb, (raw) => {
          const n = normalizeText(raw);
          expect(typeof n.text).toBe("string");
          expect(n.toOriginal(n.text.length)).toBe(raw.length);
          let prev = 0;
          for (let i = 0; i <= n.text.length; i++) {
            const o = n.toOriginal(i);
            expect(Number.isInteger(o)).toBe(true);
            expect(o).toBeGreaterThanOrEqual(prev);
            expect(o).toBeLessThanOrEqual(raw.length);
            prev = o;
          }
        }),
        params("normalizeText"),
      );
    },
    bound("normalizeText"),
  );

  it(
    "segment: sentences, skipped ranges, title and dateline lie inside the text, sentences in order",
    () => {
      fc.assert(
        fc.property(textArb, (raw) => {
          const text = normalizeText(raw).text;
          const seg = segment(text);
          expectSpans(seg.sentences, text.length);
          expectSpans(seg.skipped, text.length);
          if (seg.title) expectSpans([seg.title], text.length);
          if (seg.dateline) DatelineSchema.parse(seg.dateline);
          if (seg.dateline) expectSpans([seg.dateline], text.length);
          for (let i = 0; i < seg.sentences.length; i++) {
            const s = seg.sentences[i]!;
            expect(s.index).toBe(i);
            expect(s.end).toBeGreaterThan(s.start);
            if (i > 0) expect(s.start).toBeGreaterThanOrEqual(seg.sentences[i - 1]!.end);
          }
        }),
        params("segment"),
      );
    },
    bound("segment"),
  );

  it(
    "splitSentences: with arbitrary skip ranges, every sentence is inside the text and outside the skips",
    () => {
      const arb = textArb.chain((text) =>
        fc.tuple(
          fc.constant(text),
          fc.array(
            fc
              .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
              .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b), reason: "fuzz" })),
            { maxLength: 4 },
          ),
        ),
      );
      fc.assert(
        fc.property(arb, ([text, skip]) => {
          const sentences = splitSentences(text, skip);
          expectSpans(sentences, text.length);
          for (const s of sentences) {
            expect(s.end).toBeGreaterThan(s.start);
            for (const r of skip) if (r.end > r.start) expect(s.end <= r.start || s.start >= r.end).toBe(true);
          }
        }),
        params("splitSentences"),
      );
    },
    bound("splitSentences"),
  );

  it(
    "parseDateline: null or a dateline starting at the given offset and ending inside the text",
    () => {
      fc.assert(
        fc.property(textArb, fc.integer({ min: -3, max: 300 }), (text, at) => {
          const d = parseDateline(text, at);
          if (d === null) return;
          DatelineSchema.parse(d);
          expect(d.start).toBe(at);
          expect(d.end).toBeGreaterThan(d.start);
          expect(d.end).toBeLessThanOrEqual(text.length);
        }),
        params("parseDateline"),
      );
    },
    bound("parseDateline"),
  );

  it(
    "findDateExpressions: expressions inside the range, raw equals the text, values are partial dates",
    () => {
      fc.assert(
        fc.property(
          rangeArb,
          published,
          fc.option(fc.record({ month: fc.integer({ min: 1, max: 12 }), year: fc.integer({ min: 1900, max: 2100 }) }), {
            nil: undefined,
          }),
          ({ text, start, end }, pub, ctx) => {
            for (const d of findDateExpressions(text, start, end, pub, ctx)) {
              DateExpressionSchema.parse(d);
              expect(d.start).toBeGreaterThanOrEqual(start);
              expect(d.end).toBeLessThanOrEqual(end);
              expect(text.slice(d.start, d.end)).toBe(d.raw);
            }
          },
        ),
        params("findDateExpressions"),
      );
    },
    bound("findDateExpressions"),
  );

  it(
    "findNumbers: mentions inside the range with finite values, raw equals the text",
    () => {
      fc.assert(
        fc.property(rangeArb, ({ text, start, end }) => {
          for (const n of findNumbers(text, start, end)) {
            NumberMentionSchema.parse(n);
            expect(n.start).toBeGreaterThanOrEqual(start);
            expect(n.end).toBeLessThanOrEqual(end);
            expect(n.end).toBeGreaterThan(n.start);
            expect(text.slice(n.start, n.end)).toBe(n.raw);
            expect(n.qualifierStart).toBeLessThanOrEqual(n.start);
          }
        }),
        params("findNumbers"),
      );
    },
    bound("findNumbers"),
  );

  it(
    "findClaims: claims inside the sentence with finite values",
    () => {
      fc.assert(
        fc.property(rangeArb, ({ text, start, end }) => {
          for (const c of findClaims(text, { start, end })) {
            RawClaimSchema.parse(c);
            expect(c.start).toBeGreaterThanOrEqual(start);
            expect(c.end).toBeLessThanOrEqual(end);
            expect(c.end).toBeGreaterThanOrEqual(c.start);
          }
        }),
        params("findClaims"),
      );
    },
    bound("findClaims"),
  );

  it(
    "tokenize: tokens in order, inside the range, each the text at its offsets",
    () => {
      fc.assert(
        fc.property(rangeArb, ({ text, start, end }) => {
          let prev = start;
          for (const t of tokenize(text, start, end)) {
            TokenSchema.parse(t);
            expect(t.start).toBeGreaterThanOrEqual(prev);
            expect(t.end).toBeGreaterThan(t.start);
            expect(t.end).toBeLessThanOrEqual(end);
            expect(text.slice(t.start, t.end)).toBe(t.text);
            prev = t.end;
          }
        }),
        params("tokenize"),
      );
    },
    bound("tokenize"),
  );

  it(
    "analyzeArticle: never throws, passes AnalysisSchema, every evidence and mention is the text at its offsets",
    () => {
      const meta = fc.record({
        title: fc.option(textArb, { nil: null }),
        outlet: fc.option(fc.constantFrom("Invented Wire", "", "<script>x</script>", "\u0000"), { nil: null }),
      });
      fc.assert(
        // `published` is a valid YYYY-MM-DD here: analyzeArticle copies it unchecked into `article.published`,
        // so "garbage" would come back out and fail AnalysisSchema (reported in docs/reliability.md).
        fc.property(textArb, validPublished, meta, (text, pub, m) => {
          const a = analyzeArticle({ text, published: pub, title: m.title, outlet: m.outlet });
          AnalysisSchema.parse(a);
          expectEvidence(a, text);
        }),
        params("analyzeArticle"),
      );
    },
    bound("analyzeArticle"),
  );
});
