import type { EventStatus } from "@parley/schema";
import type { Token } from "../text/tokens";

const PLANNED_MARKERS = new Set(["will", "'ll", "’ll", "shall", "wo"]);
const HYPOTHETICAL_MODALS = new Set(["could", "might", "may", "should"]);
const INTENT_VERBS = new Set([
  "plans",
  "planned",
  "planning",
  "plan",
  "intends",
  "intended",
  "intend",
  "expected",
  "expects",
  "aims",
  "aimed",
  "hopes",
  "hoped",
  "hope",
  "pledged",
  "pledges",
  "pledge",
  "committed",
  "commits",
  "undertook",
  "undertakes",
  "undertaken",
  "promised",
  "promises",
  "pledging",
  "vowed",
  "vows",
  "vowing",
  "threatened",
  "threatens",
  "prepared",
  "set",
  "scheduled",
  "due",
  "going",
  "ready",
  "wants",
  "wanted",
  "seeks",
  "sought",
  "meant",
]);
const NEGATORS = new Set(["not", "n't", "n’t", "never", "no", "without", "nor"]);
const CONDITIONALS = new Set(["if", "unless", "provided", "whether"]);

/**
 * Occurred, planned, hypothetical or negated, from the words before a trigger in its clause
 * ("was due to meet", "would have saved", "did not attend", "if the truce were extended").
 */
export function modality(tokens: Token[], head: number, clauseStart: number, reported: boolean): EventStatus {
  let sawWould = false;
  let sawHave = false;
  let sawTo = false;
  for (let k = head - 1; k >= clauseStart && k >= head - 7; k--) {
    const w = tokens[k]!.lower;
    if (NEGATORS.has(w)) {
      // "not only", "no longer" keep the event; "no" must sit right before a noun trigger.
      if (w === "not" && tokens[k + 1]?.lower === "only") continue;
      if (w === "no" && k !== head - 1 && k !== head - 2) continue;
      return "negated";
    }
    if (w === "failed" && tokens[k + 1]?.lower === "to") return "negated";
    if (w === "have" || w === "has" || w === "had") sawHave = true;
    if (w === "would") sawWould = true;
    if (w === "to") sawTo = true;
    if (HYPOTHETICAL_MODALS.has(w)) return "hypothetical";
    if (w === "possible" || w === "potential" || w === "likely") return "hypothetical";
    if (PLANNED_MARKERS.has(w)) return "planned";
    if (sawTo && INTENT_VERBS.has(w)) return "planned";
    if (sawTo && (w === "is" || w === "are" || w === "was" || w === "were") && tokens[k + 1]?.lower === "to")
      return "planned";
    if (w === "expected" && tokens[k - 1] && /^(is|are|was|were|also)$/.test(tokens[k - 1]!.lower)) return "planned";
    if (w === "due") return "planned";
  }
  // Inverted conditional at the clause start: "had Hamas accepted …".
  // ("…, who had spoken …" is a relative clause in the past perfect, not a condition.)
  if (
    tokens[clauseStart]?.lower === "had" &&
    head - clauseStart <= 4 &&
    !/^(who|which|whose)$/.test(tokens[clauseStart - 1]?.lower ?? "")
  )
    return "hypothetical";
  for (let k = clauseStart; k < head; k++) if (CONDITIONALS.has(tokens[k]!.lower)) return "hypothetical";
  if (clauseStart > 0 && CONDITIONALS.has(tokens[clauseStart - 1]?.lower ?? "")) return "hypothetical";
  if (sawWould) return sawHave ? "hypothetical" : reported ? "planned" : "hypothetical";
  return "occurred";
}
