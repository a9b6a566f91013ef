import type { EventType } from "@parley/schema";

/** The 16 PLOVER root categories, in quad-class order (verbal/material cooperation, verbal/material conflict). */
export const PLOVER_CATEGORIES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;
export type PloverCategory = (typeof PLOVER_CATEGORIES)[number];

export interface EventCode {
  /** CAMEO code, two or three digits (the best-fitting leaf used for the typical Parley event). */
  cameo: string;
  cameoLabel: string;
  /** PLOVER root category, or `NONE` where PLOVER deliberately has no category (neutral comments). */
  plover: PloverCategory | "NONE";
  /** PLOVER mode where the category has one that fits every event of the type, else null. */
  ploverMode: string | null;
}

/**
 * Parley event type → CAMEO and PLOVER. One fixed code per type; the rationale for each line is in
 * `docs/event-codes.md`. Where a sub-code depends on the event (what is demanded, where a meeting is held)
 * the type gets the parent code and a null mode.
 */
export const EVENT_CODES: Record<EventType, EventCode> = {
  MEET: { cameo: "046", cameoLabel: "Engage in negotiation", plover: "CONSULT", ploverMode: null },
  CALL: { cameo: "041", cameoLabel: "Discuss by telephone", plover: "CONSULT", ploverMode: "phone" },
  TRAVEL: { cameo: "042", cameoLabel: "Make a visit", plover: "CONSULT", ploverMode: "visit" },
  MEDIATE: { cameo: "045", cameoLabel: "Mediate", plover: "CONSULT", ploverMode: null },
  PROPOSE: { cameo: "027", cameoLabel: "Appeal to others to settle dispute", plover: "REQUEST", ploverMode: null },
  COUNTER_PROPOSE: {
    cameo: "027",
    cameoLabel: "Appeal to others to settle dispute",
    plover: "REQUEST",
    ploverMode: null,
  },
  ACCEPT: { cameo: "037", cameoLabel: "Express intent to settle dispute", plover: "AGREE", ploverMode: null },
  REJECT: {
    cameo: "127",
    cameoLabel: "Reject plan or agreement to settle dispute",
    plover: "REJECT",
    ploverMode: null,
  },
  DEMAND: { cameo: "100", cameoLabel: "Demand, not specified", plover: "REQUEST", ploverMode: null },
  APPEAL: { cameo: "020", cameoLabel: "Make an appeal or request, not specified", plover: "REQUEST", ploverMode: null },
  SUSPEND: { cameo: "164", cameoLabel: "Halt negotiations", plover: "REJECT", ploverMode: null },
  RESUME: { cameo: "036", cameoLabel: "Express intent to meet or negotiate", plover: "CONSULT", ploverMode: null },
  ASSESS: { cameo: "010", cameoLabel: "Make statement, not specified", plover: "NONE", ploverMode: null },
  ACCUSE: { cameo: "112", cameoLabel: "Accuse", plover: "ACCUSE", ploverMode: null },
  SUPPORT: { cameo: "051", cameoLabel: "Praise or endorse", plover: "SUPPORT", ploverMode: null },
  THREATEN: { cameo: "138", cameoLabel: "Threaten with military force", plover: "THREATEN", ploverMode: null },
  AGREE: { cameo: "057", cameoLabel: "Sign formal agreement", plover: "AGREE", ploverMode: null },
  CEASEFIRE: {
    cameo: "087",
    cameoLabel: "De-escalate military engagement",
    plover: "RETREAT",
    ploverMode: "ceasefire",
  },
  RELEASE: { cameo: "084", cameoLabel: "Return, release", plover: "RETREAT", ploverMode: "release" },
  MILITARY: {
    cameo: "190",
    cameoLabel: "Use conventional military force, not specified",
    plover: "ASSAULT",
    ploverMode: null,
  },
  MOBILIZE: { cameo: "154", cameoLabel: "Mobilize or increase armed forces", plover: "MOBILIZE", ploverMode: null },
  HUMANITARIAN: { cameo: "073", cameoLabel: "Provide humanitarian aid", plover: "AID", ploverMode: "humanitarian" },
};

/** CAMEO and PLOVER codes of an event type. */
export function eventCode(type: EventType): EventCode {
  return EVENT_CODES[type];
}
