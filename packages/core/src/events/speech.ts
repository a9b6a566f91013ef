import type { Actor } from "@parley/schema";
import type { Token } from "../text/tokens";
import { coordinated, ids, type MentionMap } from "./arguments";
import { CLAUSE_OPENERS, SPEECH_VERBS } from "./clauses";

/** Who a sentence reports, and which outlet relays it. */
export interface Speech {
  /** Actor ids of the speaker (the one whose words carry the sentence's content). */
  speaker: string[];
  /** An outside outlet the sentence cites ("told CNN", "according to Kol Yisrael"). */
  outlet: string | null;
  /** Token range of the reported content. */
  contentStart: number;
  contentEnd: number;
  /** Token index of the speech verb. */
  verb: number;
}

/**
 * Finds the reporting frame of a sentence: "X said (that) …", "…, X said.", "…, said X", "according to X, …",
 * "X told Y …", "X quoted Y as saying …", "citing X, Y said …".
 */
export function findSpeech(map: MentionMap, actorOf: (id: string) => Actor | undefined): Speech | null {
  const tokens = map.tokens;
  const n = tokens.length;
  let outlet: string | null = null;
  const mediaIn = (ms: ReturnType<typeof coordinated>) => ids(ms).find((id) => actorOf(id)?.type === "MEDIA") ?? null;

  // "according to X": X is the source; an outlet there relays whatever speech verb the sentence also has.
  let according: Speech | null = null;
  for (let k = 0; k + 2 < n; k++) {
    if (tokens[k]!.lower === "according" && tokens[k + 1]!.lower === "to") {
      const m = map.mentionAt(k + 2) ?? map.mentionAt(k + 3);
      if (m) {
        const who = coordinated(map, m);
        const before = k > 0;
        according = {
          speaker: ids(who),
          outlet: mediaIn(who),
          contentStart: before ? 0 : m.end,
          contentEnd: before ? k : n,
          verb: k,
        };
        if (according.outlet) outlet = according.outlet;
        else return according;
      }
    }
  }
  // "X quoted Y as saying": X relays, Y speaks.
  for (let k = 0; k + 2 < n; k++) {
    if (tokens[k]!.lower !== "quoted" && tokens[k]!.lower !== "cited") continue;
    let j = k + 1;
    while (j < n && !map.mentionAt(j) && j < k + 4) j++;
    const inner = map.mentionAt(j);
    const asAt = tokens.findIndex((t, x) => x > j && t.lower === "as");
    if (!inner || asAt < 0) continue;
    let outer: string | null = null;
    for (let x = k - 1; x >= 0; x--) {
      const m = map.mentionAt(x);
      if (m) {
        outer = m.actorIds[0] ?? null;
        break;
      }
    }
    outer ??= outlet;
    return { speaker: ids(coordinated(map, inner)), outlet: outer, contentStart: asAt + 1, contentEnd: n, verb: k };
  }
  for (let k = 0; k < n; k++) {
    const t = tokens[k]!;
    if (!SPEECH_VERBS.has(t.lower)) continue;
    // Outlet receiving the statement: "told CNN", "told The National".
    if (t.lower === "told" || t.lower === "tells") {
      const obj = map.mentionAt(k + 1) ?? map.mentionAt(k + 2);
      if (obj) outlet = mediaIn([obj]) ?? outlet;
    }
    // "X quoted Y as saying": X is the outer speaker.
    // Inverted: "…, said the official, Azzam al-Ahmed." / "…, Ahmed said."
    const before = map.endingBefore(k, 2);
    const after = map.mentionAt(k + 1) ?? (tokens[k + 1]?.lower === "the" ? map.mentionAt(k + 2) : undefined);
    // "…, spokesman John Kirby told reporters on Monday." — no "that" clause follows: the content came before.
    const noClauseAfter = !tokens.slice(k + 1).some((x) => x.lower === "that" || x.text === ":" || x.text === '"');
    const atEnd =
      k >= n - 6 ||
      noClauseAfter ||
      tokens
        .slice(k + 1)
        .every((x) => x.kind === "punct" || x.lower === "on" || /day$/.test(x.lower) || x.lower === "in" || x.cap);
    // '"…," Netanyahu said in an address on Tuesday, adding that …': the quote before is the content, and so is what
    // the participle adds.
    const firstComma = tokens.findIndex((x, j) => j > k && x.text === ",");
    const continued =
      firstComma > k &&
      /^(adding|saying|noting|stressing|warning|insisting)$/.test(tokens[firstComma + 1]?.lower ?? "") &&
      !tokens.slice(k + 1, firstComma).some((x) => x.lower === "that" || x.text === ":" || SPEECH_VERBS.has(x.lower));
    // The comma may sit before a title ("…, national security spokesman John Kirby told reporters").
    let comma = before ? before.start - 1 : -1;
    while (comma > 0 && /^["“”']$/.test(tokens[comma]!.text)) comma--;
    while (comma > 0 && comma >= (before?.start ?? 0) - 4 && tokens[comma]!.kind === "word" && !tokens[comma]!.cap)
      comma--;
    // "…, though UN agencies say far more is needed": a conjunction makes the speaker open a clause of their own.
    const opensClause =
      before !== undefined && tokens.slice(comma + 1, before.start).some((x) => CLAUSE_OPENERS.has(x.lower));
    if (
      before &&
      !opensClause &&
      !t.lower.endsWith("ing") &&
      tokens[comma]?.text === "," &&
      (atEnd || continued || tokens[k + 1]?.text === ",")
    ) {
      return {
        speaker: ids(coordinated(map, before)),
        outlet: outlet ?? mediaIn([before]),
        contentStart: 0,
        contentEnd: continued && !atEnd ? n : comma,
        verb: k,
      };
    }
    // "…, said the official, Azzam al-Ahmed." — the speaker closes the sentence (not "…, said its fighters had …").
    const closesSentence = after !== undefined && (after.end >= n - 1 || /^[,.;]$/.test(tokens[after.end]?.text ?? ""));
    if (after && !after.possessive && closesSentence && tokens[k - 1]?.text === ",") {
      return { speaker: ids([after]), outlet: outlet ?? mediaIn([after]), contentStart: 0, contentEnd: k - 1, verb: k };
    }
    // Direct: "X said (that) …" — the subject is the nearest mention to the left in the same clause.
    let subject: ReturnType<typeof coordinated> = [];
    for (let j = k - 1; j >= 0; j--) {
      const tj = tokens[j]!;
      if (tj.text === ";" || tj.text === ":") break;
      const m = map.mentionAt(j);
      if (m) {
        const prep = tokens[m.start - 1]?.lower;
        // "…, with spokesman John Kirby saying …": the noun of an absolute "with" clause speaks.
        const absolute = /ing$/.test(t.lower) && m.end === k && /^(with|as)$/.test(openerOf(tokens, m) ?? "");
        if (!absolute && prep && /^(in|of|from|to|with|by|at|on|for|over)$/.test(prep) && m.start > 0) {
          j = m.start;
          continue;
        }
        subject = coordinated(map, m);
        break;
      }
    }
    if (!subject.length && before) subject = [before];
    let contentStart = k + 1;
    if (outlet)
      while (contentStart < n && (map.mentionAt(contentStart) || tokens[contentStart]!.lower === "the")) contentStart++;
    if (tokens[contentStart]?.lower === "that") contentStart++;
    // "quoted X as saying": the outer speaker stays X's quoter.
    if (subject.length)
      return { speaker: ids(subject), outlet: outlet ?? mediaIn(subject), contentStart, contentEnd: n, verb: k };
  }
  if (according) return according;
  if (outlet) return { speaker: [], outlet, contentStart: 0, contentEnd: n, verb: -1 };
  return null;
}

export function isQuoteToken(t: Token | undefined): boolean {
  return t !== undefined && (t.text === '"' || t.text === "“" || t.text === "”");
}

/** The word before a mention's noun phrase, past lowercase title words ("with spokesman John Kirby" → "with"). */
function openerOf(tokens: Token[], m: { start: number }): string | undefined {
  let k = m.start - 1;
  while (k > 0 && tokens[k]!.kind === "word" && !/^(with|as|by|of|to|in)$/.test(tokens[k]!.lower) && m.start - k <= 4)
    k--;
  return tokens[k]?.lower;
}
