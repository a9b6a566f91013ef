import { z } from "zod";
import { ActorSchema, MentionSchema } from "./actor";
import { ArticleSchema } from "./article";
import { ClaimSchema } from "./claim";
import { SpanSchema } from "./common";
import { EventSchema } from "./event";

/** A loaded term found in the text ("terror group", "Zionist regime"), counted per article and per actor. */
export const FramingTermSchema = z.object({
  term: z.string(),
  /** The frame the term belongs to (e.g. `delegitimising`, `humanitarian`). */
  frame: z.string(),
  count: z.number().int().positive(),
  /** Actor ids the term was used of, where the text ties it to one. */
  actors: z.array(z.string()),
});
export type FramingTerm = z.infer<typeof FramingTermSchema>;

export const FramingSchema = z.object({
  terms: z.array(FramingTermSchema),
  /** Term counts per actor id. */
  byActor: z.record(z.string(), z.record(z.string(), z.number().int().positive())),
});
export type Framing = z.infer<typeof FramingSchema>;

export const SentenceSchema = z.object({
  index: z.number().int().nonnegative(),
  span: SpanSchema,
  /** True for the headline and other lines that are not running text. */
  headline: z.boolean(),
});
export type Sentence = z.infer<typeof SentenceSchema>;

/** Everything Parley extracts from one article. */
export const AnalysisSchema = z.object({
  article: ArticleSchema,
  /** Where the dateline, if any, put the story. */
  dateline: z
    .object({ place: z.string().nullable(), outlet: z.string().nullable(), date: z.string().nullable() })
    .nullable(),
  sentences: z.array(SentenceSchema),
  actors: z.array(ActorSchema),
  mentions: z.array(MentionSchema),
  events: z.array(EventSchema),
  claims: z.array(ClaimSchema),
  framing: FramingSchema,
  extractorVersion: z.string(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
