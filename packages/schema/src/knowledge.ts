import { z } from "zod";
import { ActorTypeSchema, OfficeSchema } from "./actor";

/**
 * Knowledge-base entries as shipped in `packages/core/kb` and as users add them (`--kb DIR`).
 * One fact per entry; ids are stable and referenced by `affiliation` and `of`.
 */
export const KbActorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: ActorTypeSchema,
  affiliation: z.string().nullable().default(null),
  aliases: z.array(z.string()).default([]),
  /** Descriptions that identify the actor in running text: "the Islamist movement", "the Jewish state". */
  descriptions: z.array(z.string()).default([]),
  /** For states: "Egyptian", "Egyptians". */
  demonyms: z.array(z.string()).default([]),
  offices: z.array(OfficeSchema).default([]),
  /** For states: actor id of the capital's metonymic use is this actor ("Cairo said"); names here. */
  capital: z.string().nullable().default(null),
});
export type KbActor = z.infer<typeof KbActorSchema>;

export const PLACE_KINDS = ["country", "city", "region", "venue", "water", "other"] as const;
export const KbPlaceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(PLACE_KINDS),
  /** Actor id of the state the place lies in. */
  country: z.string().nullable().default(null),
  aliases: z.array(z.string()).default([]),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** True for national capitals ("the Egyptian capital" → Cairo). */
  capital: z.boolean().default(false),
});
export type KbPlace = z.infer<typeof KbPlaceSchema>;

/** One knowledge file: any of the sections may be present. */
export const KnowledgeFileSchema = z.object({
  actors: z.array(KbActorSchema).default([]),
  places: z.array(KbPlaceSchema).default([]),
});
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;
export type KnowledgeFileInput = z.input<typeof KnowledgeFileSchema>;
