import { z } from "zod";

/** Hierarchical agenda-item id: `ceasefire`, `ceasefire.permanent`, `blockade.crossings`. */
export const IssueIdSchema = z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/, "expected a dotted lower-case issue id");
export type IssueId = z.infer<typeof IssueIdSchema>;

export const IssueSchema = z.object({
  id: IssueIdSchema,
  label: z.string().min(1),
  parent: IssueIdSchema.nullable(),
});
export type Issue = z.infer<typeof IssueSchema>;
