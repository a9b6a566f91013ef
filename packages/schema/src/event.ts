import { z } from "zod";
import { EvidenceSchema, PartialDateSchema } from "./common";

/** The 22 event types of the annotation guide (`shared/gold/GUIDE.md`). */
export const EVENT_TYPES = [
  "MEET",
  "CALL",
  "TRAVEL",
  "MEDIATE",
  "PROPOSE",
  "COUNTER_PROPOSE",
  "ACCEPT",
  "REJECT",
  "DEMAND",
  "APPEAL",
  "SUSPEND",
  "RESUME",
  "ASSESS",
  "ACCUSE",
  "SUPPORT",
  "THREATEN",
  "AGREE",
  "CEASEFIRE",
  "RELEASE",
  "MILITARY",
  "MOBILIZE",
  "HUMANITARIAN",
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

export const EVENT_STATUSES = ["occurred", "planned", "hypothetical", "negated"] as const;
export const EventStatusSchema = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatusSchema>;

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export const DatePrecisionSchema = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

export const EventDateSchema = z.object({
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` according to `precision`. */
  value: PartialDateSchema,
  precision: DatePrecisionSchema,
  /** The expression the date was resolved from ("on Thursday", "last week"). */
  raw: z.string(),
});
export type EventDate = z.infer<typeof EventDateSchema>;

export const LocationSchema = z.object({
  name: z.string().min(1),
  placeId: z.string().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
});
export type Location = z.infer<typeof LocationSchema>;

export const EventSchema = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  type: EventTypeSchema,
  source: z.array(z.string()),
  target: z.array(z.string()),
  mediators: z.array(z.string()),
  issues: z.array(z.string()),
  location: LocationSchema.nullable(),
  date: EventDateSchema.nullable(),
  status: EventStatusSchema,
  /** Actor id of whoever the article cites for this event; null when the narrator reports it. */
  attributedTo: z.string().nullable(),
  evidence: EvidenceSchema,
  /** The words that signalled the event ("rejected", "held talks"). */
  trigger: z.string(),
  confidence: z.number().min(0).max(1),
  extractorVersion: z.string().min(1),
});
export type Event = z.infer<typeof EventSchema>;
