/** Irregular verbs: base → [3rd person, past, past participle, -ing]. */
const IRREGULAR: Record<string, [string, string, string, string]> = {
  meet: ["meets", "met", "met", "meeting"],
  hold: ["holds", "held", "held", "holding"],
  send: ["sends", "sent", "sent", "sending"],
  leave: ["leaves", "left", "left", "leaving"],
  fly: ["flies", "flew", "flown", "flying"],
  take: ["takes", "took", "taken", "taking"],
  break: ["breaks", "broke", "broken", "breaking"],
  go: ["goes", "went", "gone", "going"],
  lead: ["leads", "led", "led", "leading"],
  put: ["puts", "put", "put", "putting"],
  set: ["sets", "set", "set", "setting"],
  hit: ["hits", "hit", "hit", "hitting"],
  shoot: ["shoots", "shot", "shot", "shooting"],
  fight: ["fights", "fought", "fought", "fighting"],
  speak: ["speaks", "spoke", "spoken", "speaking"],
  seek: ["seeks", "sought", "sought", "seeking"],
  sit: ["sits", "sat", "sat", "sitting"],
  strike: ["strikes", "struck", "struck", "striking"],
  bring: ["brings", "brought", "brought", "bringing"],
  come: ["comes", "came", "come", "coming"],
  undertake: ["undertakes", "undertook", "undertaken", "undertaking"],
  withdraw: ["withdraws", "withdrew", "withdrawn", "withdrawing"],
  see: ["sees", "saw", "seen", "seeing"],
  give: ["gives", "gave", "given", "giving"],
  keep: ["keeps", "kept", "kept", "keeping"],
  lay: ["lays", "laid", "laid", "laying"],
  shake: ["shakes", "shook", "shaken", "shaking"],
  stand: ["stands", "stood", "stood", "standing"],
  write: ["writes", "wrote", "written", "writing"],
  draw: ["draws", "drew", "drawn", "drawing"],
  run: ["runs", "ran", "run", "running"],
  begin: ["begins", "began", "begun", "beginning"],
  seize: ["seizes", "seized", "seized", "seizing"],
  tell: ["tells", "told", "told", "telling"],
  say: ["says", "said", "said", "saying"],
  be: ["is", "was", "been", "being"],
  overthrow: ["overthrows", "overthrew", "overthrown", "overthrowing"],
  rebuild: ["rebuilds", "rebuilt", "rebuilt", "rebuilding"],
  win: ["wins", "won", "won", "winning"],
  lose: ["loses", "lost", "lost", "losing"],
  hand: ["hands", "handed", "handed", "handing"],
  shut: ["shuts", "shut", "shut", "shutting"],
  forbid: ["forbids", "forbade", "forbidden", "forbidding"],
  pay: ["pays", "paid", "paid", "paying"],
  find: ["finds", "found", "found", "finding"],
  make: ["makes", "made", "made", "making"],
};

/** Verbs whose final consonant doubles before -ed/-ing (stop → stopped). */
const DOUBLING = new Set([
  "stop",
  "ban",
  "plan",
  "drop",
  "rebut",
  "commit",
  "regret",
  "admit",
  "omit",
  "submit",
  "bar",
  "swap",
  "scrap",
  "step",
  "ship",
  "strip",
  "pin",
  "shun",
  "spur",
  "spurn",
]);

export type VerbForm = "base" | "s" | "past" | "ing";

/** Every form of a verb with its grammatical label. */
export function labelledVerbForms(base: string): Array<[string, VerbForm]> {
  const irregular = IRREGULAR[base];
  if (irregular) {
    const [s, past, participle, ing] = irregular;
    return [
      [base, "base"],
      [s, "s"],
      [past, "past"],
      [participle, "past"],
      [ing, "ing"],
    ];
  }
  return verbForms(base).map((f): [string, VerbForm] => [
    f,
    f === base ? "base" : f.endsWith("ing") && !base.endsWith("ing") ? "ing" : f.endsWith("d") ? "past" : "s",
  ]);
}

/** All forms of a regular or irregular English verb: base, -s, past, participle, -ing. */
export function verbForms(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular)
    return [...new Set([base, ...irregular, ...(base === "be" ? ["are", "were", "am", "'s", "'re"] : [])])];
  const forms = new Set([base]);
  if (/(s|sh|ch|x|z|o)$/.test(base)) forms.add(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) forms.add(`${base.slice(0, -1)}ies`);
  else forms.add(`${base}s`);
  let stem = base;
  // One-syllable verbs ending consonant–vowel–consonant double it (drag → dragged, swap → swapping).
  if ((DOUBLING.has(base) || /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base)) && base !== "spurn")
    stem = base + base.slice(-1);
  if (base.endsWith("ee")) {
    forms.add(`${base}d`);
    forms.add(`${base}ing`);
  } else if (base.endsWith("e")) {
    forms.add(`${base}d`);
    forms.add(`${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    forms.add(`${base.slice(0, -1)}ied`);
    forms.add(`${base}ing`);
  } else {
    forms.add(`${stem}ed`);
    forms.add(`${stem}ing`);
  }
  return [...forms];
}

/** Singular and plural of a noun (the last word of a multi-word noun is pluralised). */
export function nounForms(noun: string): string[] {
  const words = noun.split(" ");
  const last = words[words.length - 1]!;
  let plural: string;
  if (/(s|sh|ch|x|z)$/.test(last)) plural = last.endsWith("s") && last.length > 4 ? last : `${last}es`;
  else if (/[^aeiou]y$/.test(last)) plural = `${last.slice(0, -1)}ies`;
  else plural = `${last}s`;
  return [...new Set([noun, [...words.slice(0, -1), plural].join(" ")])];
}
