import { z } from "zod";
import { ActorTypeSchema } from "./actor";

/** A reference annotation of one article, in the format of `shared/gold` (see its GUIDE.md). */
export const GoldArticleSchema = z.object({
  article: z.string().min(1),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  published: z.string().nullish(),
  actors: z
    .array(
      z.object({
        name: z.string(),
        type: ActorTypeSchema.or(z.string()),
        affiliation: z.string().nullish(),
        aliases: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  events: z
    .array(
      z.object({
        type: z.string(),
        source: z.array(z.string()).default([]),
        target: z.array(z.string()).default([]),
        mediators: z.array(z.string()).default([]),
        issues: z.array(z.string()).default([]),
        location: z.string().nullish(),
        date: z.string().nullish(),
        status: z.string().nullish(),
        attributedTo: z.string().nullish(),
        evidence: z.string(),
      }),
    )
    .default([]),
  claims: z
    .array(
      z.object({
        kind: z.string(),
        value: z.number(),
        qualifier: z.string().nullish(),
        subject: z.string().nullish(),
        claimant: z.string().nullish(),
        evidence: z.string().nullish(),
      }),
    )
    .default([]),
});
export type GoldArticle = z.infer<typeof GoldArticleSchema>;
