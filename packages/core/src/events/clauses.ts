import type { Token } from "../text/tokens";

/** Words that open a subordinate or coordinate clause: an argument search does not cross them. */
export const CLAUSE_OPENERS = new Set([
  "after",
  "before",
  "while",
  "as",
  "but",
  "although",
  "though",
  "since",
  "because",
  "if",
  "once",
  "until",
  "when",
  "whereas",
  "unless",
  "amid",
  "despite",
  "even",
  "however",
  "so",
  "whether",
  "where",
  "provided",
]);
export const RELATIVE_PRONOUNS = new Set(["who", "which", "whose", "whom"]);
export const BE_FORMS = new Set(["is", "are", "was", "were", "be", "been", "being", "'s", "'re"]);
export const SPEECH_VERBS = new Set([
  "said",
  "says",
  "say",
  "saying",
  "told",
  "tells",
  "tell",
  "added",
  "adding",
  "stressed",
  "stressing",
  "noted",
  "announced",
  "reported",
  "quoted",
  "cited",
  "citing",
  "wrote",
  "writing",
  "claimed",
  "explained",
  "argued",
  "arguing",
  "insisted",
  "insisting",
  "warned",
  "warning",
  "confirmed",
  "acknowledged",
  "stated",
]);

/** True for a clause boundary token at index k. */
export function isBarrier(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return true;
  if (t.text === ";" || t.text === ":" || t.text === "(" || t.text === ")") return true;
  if (t.text === "–" || t.text === "—" || (t.text === "-" && tokens[k - 1]?.end !== t.start)) return true;
  if (!CLAUSE_OPENERS.has(t.lower) || t.lower === "as") return false;
  // "rocket after rocket", "day after day": a repeated noun, not a clause.
  if (t.lower === "after" && tokens[k - 1] !== undefined && tokens[k - 1]!.lower === tokens[k + 1]?.lower) return false;
  return true;
}

/** Is the verb at `head` passive ("was rejected", "were freed", "had been handed")? */
export function isPassive(tokens: Token[], head: number): boolean {
  for (let k = head - 1; k >= Math.max(0, head - 3); k--) {
    const w = tokens[k]!.lower;
    if (BE_FORMS.has(w) || w === "get" || w === "got") return true;
    if (!/ly$/.test(w) && w !== "not" && w !== "also" && w !== "then" && w !== "being" && w !== "been") return false;
  }
  return false;
}
