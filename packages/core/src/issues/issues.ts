import issueData from "../../kb/lexicons/issues.json";
import type { Token } from "../text/tokens";

interface IssueFile {
  issues: Array<{ id: string; label: string; terms: string[] }>;
}

interface IssueTerm {
  words: string[];
  /** Last word matches as a prefix ("ceasefire*"). */
  prefix: boolean;
  id: string;
}

const TERMS: Map<string, IssueTerm[]> = (() => {
  const byFirst = new Map<string, IssueTerm[]>();
  for (const issue of (issueData as IssueFile).issues) {
    for (const raw of issue.terms) {
      const prefix = raw.endsWith("*");
      const words = raw.replace(/\*$/, "").split(/\s+/);
      const first = words[0]!;
      const key = words.length === 1 && prefix ? `*${first.slice(0, 4)}` : first;
      byFirst.set(key, [...(byFirst.get(key) ?? []), { words, prefix, id: issue.id }]);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
})();

export const ISSUES = (issueData as IssueFile).issues.map((i) => ({
  id: i.id,
  label: i.label,
  parent: i.id.includes(".") ? i.id.split(".")[0]! : null,
}));

/** The `*`-keyed entries of TERMS without the `*`, so a lookup needs no new string. */
const PREFIX_TERMS = new Map(
  [...TERMS].filter(([k]) => k.startsWith("*")).map(([k, terms]) => [k.slice(1), terms] as const),
);

function firstMatch(terms: IssueTerm[] | undefined, tokens: Token[], i: number): IssueTerm | null {
  if (terms === undefined) return null;
  for (const term of terms) {
    let ok = true;
    for (let k = 0; k < term.words.length; k++) {
      const tok = tokens[i + k]?.lower;
      const want = term.words[k]!;
      const last = k === term.words.length - 1;
      if (!tok || !(tok === want || (last && term.prefix && tok.startsWith(want)))) {
        ok = false;
        break;
      }
    }
    if (ok) return term;
  }
  return null;
}

/** Issue ids named in tokens[from, to): the most specific sub-id wins over its parent for the same words. */
export function findIssues(tokens: Token[], from: number, to: number): string[] {
  const found = new Set<string>();
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
    const w = tokens[i]!.lower;
    // Terms keyed by the whole word first, then one-word prefix terms ("ceasefire*") keyed by its first four letters.
    const term = firstMatch(TERMS.get(w), tokens, i) ?? firstMatch(PREFIX_TERMS.get(w.slice(0, 4)), tokens, i);
    if (term) {
      found.add(term.id);
      i += term.words.length - 1;
    }
  }
  // A sub-issue replaces its parent ("permanent ceasefire" is not also plain "ceasefire").
  for (const id of [...found]) {
    const parent = id.split(".")[0]!;
    if (parent !== id) found.delete(parent);
  }
  return [...found].sort();
}
