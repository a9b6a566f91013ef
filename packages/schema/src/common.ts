import { z } from "zod";

/** A half-open character range `[start, end)` into the original article text. */
export const SpanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: "span end must not precede its start" });
export type Span = z.infer<typeof SpanSchema>;

/** A verbatim excerpt of the article with its offsets: `text === article.text.slice(start, end)`. */
export const EvidenceSchema = z
  .object({
    text: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((e) => e.end >= e.start && e.end - e.start === e.text.length, {
    message: "evidence text length must equal end - start",
  });
export type Evidence = z.infer<typeof EvidenceSchema>;

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export const PartialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");
export type PartialDate = z.infer<typeof PartialDateSchema>;

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
export type IsoDate = z.infer<typeof IsoDateSchema>;
