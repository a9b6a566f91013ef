import { z } from "zod";
import { ActorTypeSchema } from "./actor";
import { ClaimKindSchema, QualifierSchema } from "./claim";
import { EvidenceSchema, PartialDateSchema } from "./common";
import { EventStatusSchema, EventTypeSchema } from "./event";

/**
 * The flat, name-based shape `parley extract --format json` prints and the quality yardstick reads:
 * actors by canonical name, offsets into the original file text.
 */
export const ExtractedEventSchema = z.object({
  type: EventTypeSchema,
  source: z.array(z.string()),
  target: z.array(z.string()),
  mediators: z.array(z.string()),
  issues: z.array(z.string()),
  location: z.string().nullable(),
  date: PartialDateSchema.nullable(),
  status: EventStatusSchema,
  attributedTo: z.string().nullable(),
  evidence: EvidenceSchema,
});
export type ExtractedEvent = z.infer<typeof ExtractedEventSchema>;

export const ExtractedArticleSchema = z.object({
  file: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  actors: z.array(z.object({ name: z.string(), type: ActorTypeSchema, affiliation: z.string().nullable() })),
  events: z.array(ExtractedEventSchema),
  claims: z.array(
    z.object({
      kind: ClaimKindSchema,
      value: z.number(),
      qualifier: QualifierSchema,
      subject: z.string().nullable(),
      claimant: z.string().nullable(),
      evidence: EvidenceSchema,
    }),
  ),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticleSchema>;

export const ExtractOutputSchema = z.object({ articles: z.array(ExtractedArticleSchema) });
export type ExtractOutput = z.infer<typeof ExtractOutputSchema>;
