import { z } from "zod";
import { IsoDateSchema, SpanSchema } from "./common";

export const ACTOR_TYPES = [
  "STATE",
  "GOVERNMENT",
  "PERSON",
  "ARMED_GROUP",
  "POLITICAL",
  "IGO",
  "MEDIA",
  "OTHER",
] as const;
export const ActorTypeSchema = z.enum(ACTOR_TYPES);
export type ActorType = z.infer<typeof ActorTypeSchema>;

/** An office a person holds for a time: "Secretary of State of the United States, 2021-01-26 – 2025-01-20". */
export const OfficeSchema = z.object({
  /** Normalised role, e.g. `foreign_minister`, `head_of_state`, `head_of_government`, `envoy`. */
  role: z.string().min(1),
  /** Actor id of the state or organisation the office belongs to. */
  of: z.string().min(1),
  /** The title as usually written: "Secretary of State". */
  title: z.string().optional(),
  start: IsoDateSchema.nullable().optional(),
  end: IsoDateSchema.nullable().optional(),
});
export type Office = z.infer<typeof OfficeSchema>;

export const ActorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: ActorTypeSchema,
  /** Actor id of the state or organisation this actor belongs to. */
  affiliation: z.string().nullable(),
  aliases: z.array(z.string()),
  offices: z.array(OfficeSchema).default([]),
  /** False for named people and organisations found in the text but not in the knowledge base. */
  known: z.boolean().default(true),
});
export type Actor = z.infer<typeof ActorSchema>;

export const RESOLUTION_METHODS = [
  "name",
  "alias",
  "title",
  "description",
  "demonym",
  "capital",
  "surname",
  "pronoun",
  "anaphor",
  "unresolved",
] as const;
export const ResolutionMethodSchema = z.enum(RESOLUTION_METHODS);
export type ResolutionMethod = z.infer<typeof ResolutionMethodSchema>;

/** One place in the text that refers to an actor. */
export const MentionSchema = z.object({
  span: SpanSchema,
  text: z.string(),
  actorId: z.string().min(1),
  /** How the surface text was tied to the actor. */
  resolvedBy: ResolutionMethodSchema,
  sentence: z.number().int().nonnegative(),
});
export type Mention = z.infer<typeof MentionSchema>;
