import { z } from "zod";
import { IsoDateSchema } from "./common";

/** Content hash of the article text: 16 lower-case hex digits. */
export const ArticleIdSchema = z.string().regex(/^[0-9a-f]{16}$/, "expected a 16-digit hex content hash");

export const ArticleSchema = z.object({
  id: ArticleIdSchema,
  title: z.string().nullable(),
  text: z.string(),
  outlet: z.string().nullable(),
  url: z.string().url().nullable(),
  published: IsoDateSchema.nullable(),
  language: z.string().min(2).max(8),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What a caller hands to the extractor; everything but the text is optional. */
export const ArticleInputSchema = z.object({
  text: z.string(),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  published: IsoDateSchema.nullish(),
  url: z.string().nullish(),
  language: z.string().nullish(),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;
