import { describe, expect, it } from "vitest";
import { segment, splitSentences } from "./sentences";

const split = (t: string) => splitSentences(t, []).map((s) => t.slice(s.start, s.end));

const cases: Array<[string, string, string[]]> = [
  ["two plain sentences", "Talks began. They ended.", ["Talks began.", "They ended."]],
  [
    "U.S. and U.N. inside",
    "The U.S. envoy met U.N. staff in Oslo. Then he left.",
    ["The U.S. envoy met U.N. staff in Oslo.", "Then he left."],
  ],
  [
    "U.S. at the end",
    "The plan came from the U.S. The rebels rejected it.",
    ["The plan came from the U.S.", "The rebels rejected it."],
  ],
  [
    "titles",
    "Mr. Diallo met Dr. Sy and Lt. Gen. Ba. Maj. Gen. Fall stayed.",
    ["Mr. Diallo met Dr. Sy and Lt. Gen. Ba.", "Maj. Gen. Fall stayed."],
  ],
  [
    "more titles",
    "Col. Ndiaye, Sen. Ray, Rep. Cole and Gov. Lee spoke.",
    ["Col. Ndiaye, Sen. Ray, Rep. Cole and Gov. Lee spoke."],
  ],
  ["Sheikh and St.", "Sheikh. Tamim arrived in St. Louis.", ["Sheikh. Tamim arrived in St. Louis."]],
  [
    "No. and months",
    "Resolution No. 2334 was cited on Jan. 5 and Sept. 9 by delegates.",
    ["Resolution No. 2334 was cited on Jan. 5 and Sept. 9 by delegates."],
  ],
  ["initials", "CIA chief Mary K. Ortiz flew in. She met them.", ["CIA chief Mary K. Ortiz flew in.", "She met them."]],
  [
    "a.m. and p.m.",
    "It began at 4 a.m. and ended at 9 p.m. on Monday. Both sides agreed.",
    ["It began at 4 a.m. and ended at 9 p.m. on Monday.", "Both sides agreed."],
  ],
  [
    "e.g. and i.e.",
    "Some issues, e.g. Prisoners, and others, i.e. Borders, remain.",
    ["Some issues, e.g. Prisoners, and others, i.e. Borders, remain."],
  ],
  ["Inc. and Jr.", "Acme Inc. and Sam Cole Jr. signed.", ["Acme Inc. and Sam Cole Jr. signed."]],
  ["decimals", "About 1.4 million people fled. Aid followed.", ["About 1.4 million people fled.", "Aid followed."]],
  ["quote with comma", '"We will not sign," the envoy said.', ['"We will not sign," the envoy said.']],
  [
    "quoted two sentences",
    '"We are ready. The ball is in their court," he said.',
    ['"We are ready.', 'The ball is in their court," he said.'],
  ],
  [
    "closing quote after period",
    'He called it "final." The rebels disagreed.',
    ['He called it "final."', "The rebels disagreed."],
  ],
  [
    "missing space before a quote",
    'He praised the "progress."Officials left.',
    ['He praised the "progress."', "Officials left."],
  ],
  ["missing space before a capital", "The talks ended.The envoy left.", ["The talks ended.", "The envoy left."]],
  ["question and exclamation", "Will it hold? Nobody knows! We wait.", ["Will it hold?", "Nobody knows!", "We wait."]],
  ["question inside a quote", '"Why now?" he asked.', ['"Why now?" he asked.']],
  ["ellipsis mid sentence", "The deal... is close. Yes.", ["The deal... is close.", "Yes."]],
  [
    "sentence starting with a digit",
    '"They are home. 112 of them," she said.',
    ['"They are home.', '112 of them," she said.'],
  ],
  ["lines are paragraphs", "First line without stop\nSecond line.", ["First line without stop", "Second line."]],
  ["vs.", "It was Mali vs. Niger in the final.", ["It was Mali vs. Niger in the final."]],
  ["opening quote after space", 'He spoke. "We accept," he said.', ["He spoke.", '"We accept," he said.']],
  ["domain", "See truce.org for details. Done.", ["See truce.org for details.", "Done."]],
];

describe("splitSentences", () => {
  it.each(cases)("%s", (_name, text, want) => {
    expect(split(text)).toEqual(want);
  });

  it("never includes skipped ranges", () => {
    const t = "Lead one.\nAdvertisement\nLead two.";
    const s = splitSentences(t, [{ start: 10, end: 23, reason: "advertisement" }]);
    expect(s.map((x) => t.slice(x.start, x.end))).toEqual(["Lead one.", "Lead two."]);
    expect(s.map((x) => x.paragraph)).toEqual([0, 1]);
  });

  it("drops a dateline prefix from a paragraph", () => {
    const t = "Title line\n\nLAGOS (Coast Wire) \u2014 Rebels agreed. More later.";
    expect(split(t)).toEqual(["Title line", "Rebels agreed.", "More later."]);
  });

  it("is linear on a 20 MB line", () => {
    const t = "word. word ".repeat(1_000_000) + "x".repeat(9_000_000);
    splitSentences(t, []);
  });
});

describe("segment", () => {
  it("finds the title, the dateline and headline sentences", () => {
    const t =
      "Advertisement\nRebels and army agree truce\nA standfirst line without a stop\n\nLOME (Coast Wire) \u2014 The army and rebels agreed a truce on Monday. It holds.";
    const seg = segment(t);
    expect(seg.title && t.slice(seg.title.start, seg.title.end)).toBe("Rebels and army agree truce");
    expect(seg.dateline?.place).toBe("Lome");
    expect(seg.dateline?.outlet).toBe("Coast Wire");
    const s = seg.sentences.map((x) => [t.slice(x.start, x.end), x.headline]);
    expect(s).toEqual([
      ["Rebels and army agree truce", true],
      ["A standfirst line without a stop", true],
      ["The army and rebels agreed a truce on Monday.", false],
      ["It holds.", false],
    ]);
    expect(seg.skipped.map((r) => r.reason)).toEqual(["advertisement"]);
  });

  it("has no title when only a caption sits above the lead", () => {
    const t =
      "Envoy Ama Mensah\nEnvoy Ama MensahReuters\n\nEnvoy Ama Mensah flew to Lome on Friday to meet the rebel leadership after weeks of delay in the stalled talks on the northern border region.";
    const seg = segment(t);
    expect(seg.title).toBeNull();
    expect(seg.sentences).toHaveLength(1);
    expect(seg.sentences[0]!.headline).toBe(false);
  });

  it("does not read a colon headline as a dateline", () => {
    const t = "Mensah: talks will go on\n\nThe envoy said talks would go on.";
    const seg = segment(t);
    expect(seg.dateline).toBeNull();
    expect(seg.title && t.slice(seg.title.start, seg.title.end)).toBe("Mensah: talks will go on");
  });

  it("handles empty input", () => {
    expect(segment("")).toEqual({ sentences: [], skipped: [], dateline: null, title: null });
  });
});
