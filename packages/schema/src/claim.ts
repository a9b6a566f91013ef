import { z } from "zod";
import { EvidenceSchema, PartialDateSchema } from "./common";

export const CLAIM_KINDS = [
  "killed",
  "injured",
  "displaced",
  "hostages",
  "prisoners",
  "population",
  "aid",
  "other",
] as const;
export const ClaimKindSchema = z.enum(CLAIM_KINDS);
export type ClaimKind = z.infer<typeof ClaimKindSchema>;

export const QUALIFIERS = ["exact", "at_least", "more_than", "nearly", "about", "up_to"] as const;
export const QualifierSchema = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof QualifierSchema>;

/** A numeric statement about the conflict: "nearly 28,000 Palestinians have been killed". */
export const ClaimSchema = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  kind: ClaimKindSchema,
  value: z.number().finite(),
  qualifier: QualifierSchema,
  /** Who or what is counted ("Palestinians", "hostages"). */
  subject: z.string().nullable(),
  location: z.string().nullable(),
  /** Actor id of whoever states the figure. */
  claimant: z.string().nullable(),
  asOf: PartialDateSchema.nullable(),
  /** The number as written ("1.4 million", "dozens"). */
  raw: z.string(),
  evidence: EvidenceSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;
