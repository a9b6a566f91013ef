import { describe, expect, it } from "vitest";
import { type StanceOptions, stanceHistories, stanceMatrix, stanceRecords, stickingPoints } from "./stances";
import { actor, art, type EvSpec, ev, view } from "./testing";

const articles = [
  art("a1", "Reuters", "2024-02-01"),
  art("a2", "Al Jazeera", "2024-02-10"),
  art("a3", "Haaretz", "2024-02-20"),
];
const actors = [
  actor("israel"),
  actor("netanyahu", "israel", "PERSON"),
  actor("hamas"),
  actor("hamas-delegation", "hamas"),
  actor("egypt"),
  actor("us"),
];

function build(specs: EvSpec[], options?: StanceOptions) {
  const v = view({ articles, actors, events: specs.map((s, i) => ev({ id: `s${i}`, ...s })) });
  const histories = stanceHistories(v, options);
  return { v, histories, points: stickingPoints(histories), matrix: stanceMatrix(histories) };
}

const latest = (h: ReturnType<typeof build>["histories"], a: string, issue: string) =>
  h.find((x) => x.actor === a && x.issue === issue)?.latest.stance;

describe("stance records", () => {
  const cases: {
    name: string;
    events: EvSpec[];
    options?: StanceOptions;
    expect: [string, string, string | undefined][];
  }[] = [
    {
      name: "each stance type maps to its stance",
      events: [
        { article: "a1", type: "DEMAND", source: ["hamas"], issues: ["withdrawal"] },
        { article: "a1", type: "PROPOSE", source: ["egypt"], issues: ["ceasefire"] },
        { article: "a1", type: "COUNTER_PROPOSE", source: ["hamas"], issues: ["prisoners"] },
        { article: "a1", type: "ACCEPT", source: ["israel"], issues: ["hostages"] },
        { article: "a1", type: "REJECT", source: ["israel"], issues: ["withdrawal"] },
        { article: "a1", type: "APPEAL", source: ["us"], target: ["hamas"], issues: ["hostages"] },
      ],
      expect: [
        ["hamas", "withdrawal", "demands"],
        ["egypt", "ceasefire", "proposes"],
        ["hamas", "prisoners", "proposes"],
        ["israel", "hostages", "accepts"],
        ["israel", "withdrawal", "rejects"],
        ["us", "hostages", "urges"],
      ],
    },
    {
      name: "AGREE makes every side accept",
      events: [{ article: "a1", type: "AGREE", source: ["israel"], target: ["hamas"], issues: ["ceasefire"] }],
      expect: [
        ["israel", "ceasefire", "accepts"],
        ["hamas", "ceasefire", "accepts"],
      ],
    },
    {
      name: "planned and hypothetical stances are ignored",
      events: [
        { article: "a1", type: "ACCEPT", source: ["hamas"], issues: ["ceasefire"], status: "planned" },
        { article: "a1", type: "REJECT", source: ["israel"], issues: ["ceasefire"], status: "hypothetical" },
      ],
      expect: [
        ["hamas", "ceasefire", undefined],
        ["israel", "ceasefire", undefined],
      ],
    },
    {
      name: "a negated ACCEPT is not a rejection by default",
      events: [{ article: "a1", type: "ACCEPT", source: ["hamas"], issues: ["ceasefire"], status: "negated" }],
      expect: [["hamas", "ceasefire", undefined]],
    },
    {
      name: "a negated ACCEPT is a rejection when asked",
      events: [{ article: "a1", type: "ACCEPT", source: ["hamas"], issues: ["ceasefire"], status: "negated" }],
      options: { negatedAcceptAsReject: true },
      expect: [["hamas", "ceasefire", "rejects"]],
    },
    {
      name: "a delegation's and a leader's stances roll up to their root",
      events: [
        { article: "a1", type: "REJECT", source: ["hamas-delegation"], issues: ["security"] },
        { article: "a1", type: "DEMAND", source: ["netanyahu"], issues: ["security"] },
      ],
      expect: [
        ["hamas", "security", "rejects"],
        ["israel", "security", "demands"],
        ["netanyahu", "security", undefined],
      ],
    },
    {
      name: "without roll-up the member keeps its own stance",
      events: [{ article: "a1", type: "REJECT", source: ["hamas-delegation"], issues: ["security"] }],
      options: { rollUp: false },
      expect: [
        ["hamas-delegation", "security", "rejects"],
        ["hamas", "security", undefined],
      ],
    },
    {
      name: "the latest stance follows the event date, not the order of input",
      events: [
        { article: "a3", type: "ACCEPT", source: ["hamas"], issues: ["ceasefire"], date: "2024-02-15" },
        { article: "a2", type: "REJECT", source: ["hamas"], issues: ["ceasefire"], date: "2024-02-05" },
      ],
      expect: [["hamas", "ceasefire", "accepts"]],
    },
    {
      name: "an undated event is placed at its article's publication date",
      events: [
        { article: "a3", type: "REJECT", source: ["hamas"], issues: ["ceasefire"], date: "2024-02-02" },
        { article: "a2", type: "ACCEPT", source: ["hamas"], issues: ["ceasefire"] },
      ],
      expect: [["hamas", "ceasefire", "accepts"]],
    },
  ];
  it.each(cases)("$name", ({ events, options, expect: rows }) => {
    const { histories } = build(events, options);
    for (const [a, issue, stance] of rows) expect(latest(histories, a, issue), `${a}/${issue}`).toBe(stance);
  });

  it("keeps history oldest first with evidence", () => {
    const { histories } = build([
      {
        article: "a3",
        type: "ACCEPT",
        source: ["hamas"],
        issues: ["ceasefire"],
        evidence: "Hamas accepted the truce.",
      },
      {
        article: "a1",
        type: "REJECT",
        source: ["hamas"],
        issues: ["ceasefire"],
        evidence: "Hamas rejected the truce.",
      },
    ]);
    const h = histories.find((x) => x.actor === "hamas")!;
    expect(h.history.map((r) => [r.stance, r.articleId, r.evidence])).toEqual([
      ["rejects", "a1", "Hamas rejected the truce."],
      ["accepts", "a3", "Hamas accepted the truce."],
    ]);
    expect(h.latest.eventId).toBe("s0");
  });

  it("skips events without issues", () => {
    const v = view({ articles, actors, events: [ev({ article: "a1", type: "REJECT", source: ["hamas"] })] });
    expect(stanceRecords(v)).toEqual([]);
  });
});

describe("stickingPoints", () => {
  const cases: { name: string; events: EvSpec[]; points: [string, string, string, string][] }[] = [
    {
      name: "a rejection after a proposal by another party",
      events: [
        { article: "a1", type: "PROPOSE", source: ["egypt"], issues: ["ceasefire"] },
        { article: "a2", type: "REJECT", source: ["israel"], issues: ["ceasefire"] },
      ],
      points: [["ceasefire", "opposed", "egypt", "israel"]],
    },
    {
      name: "demand vs rejection on a sub-issue",
      events: [
        { article: "a1", type: "DEMAND", source: ["hamas"], issues: ["ceasefire.permanent"] },
        { article: "a2", type: "REJECT", source: ["netanyahu"], issues: ["ceasefire.permanent"] },
      ],
      points: [["ceasefire", "opposed", "hamas", "israel"]],
    },
    {
      name: "rejecting the parent issue conflicts with a demand on the sub-issue",
      events: [
        { article: "a1", type: "DEMAND", source: ["hamas"], issues: ["blockade.crossings"] },
        { article: "a2", type: "REJECT", source: ["israel"], issues: ["blockade"] },
      ],
      points: [["blockade", "opposed", "hamas", "israel"]],
    },
    {
      name: "rejecting a sub-issue does not conflict with accepting the parent",
      events: [
        { article: "a1", type: "ACCEPT", source: ["hamas"], issues: ["ceasefire"] },
        { article: "a2", type: "REJECT", source: ["israel"], issues: ["ceasefire.permanent"] },
      ],
      points: [],
    },
    {
      name: "a rejection later withdrawn is no sticking point",
      events: [
        { article: "a1", type: "PROPOSE", source: ["egypt"], issues: ["ceasefire"] },
        { article: "a2", type: "REJECT", source: ["hamas"], issues: ["ceasefire"] },
        { article: "a3", type: "ACCEPT", source: ["hamas"], issues: ["ceasefire"] },
      ],
      points: [],
    },
    {
      name: "an actor rejecting its own earlier proposal is no conflict",
      events: [
        { article: "a1", type: "PROPOSE", source: ["israel"], issues: ["hostages"] },
        { article: "a2", type: "REJECT", source: ["netanyahu"], issues: ["hostages"] },
      ],
      points: [],
    },
    {
      name: "urging is pressure, not a side",
      events: [
        { article: "a1", type: "APPEAL", source: ["us"], target: ["hamas"], issues: ["hostages"] },
        { article: "a2", type: "REJECT", source: ["hamas"], issues: ["hostages"] },
      ],
      points: [],
    },
    {
      name: "two parties demanding of each other on one issue",
      events: [
        { article: "a1", type: "DEMAND", source: ["hamas"], target: ["israel"], issues: ["withdrawal"] },
        { article: "a2", type: "DEMAND", source: ["israel"], target: ["hamas"], issues: ["withdrawal"] },
      ],
      points: [["withdrawal", "mutual_demands", "hamas", "israel"]],
    },
    {
      name: "two parties demanding the same thing of a third is agreement",
      events: [
        { article: "a1", type: "DEMAND", source: ["egypt"], target: ["israel"], issues: ["humanitarian"] },
        { article: "a2", type: "DEMAND", source: ["us"], target: ["israel"], issues: ["humanitarian"] },
      ],
      points: [],
    },
  ];
  it.each(cases)("$name", ({ events, points }) => {
    const out = build(events).points;
    expect(out.flatMap((p) => p.conflicts.map((c) => [p.issue, c.kind, c.for.actor, c.against.actor]))).toEqual(points);
  });

  it("carries the evidence on each side", () => {
    const { points } = build([
      {
        article: "a1",
        type: "PROPOSE",
        source: ["egypt"],
        issues: ["ceasefire"],
        evidence: "Egypt proposed a six-week truce.",
      },
      {
        article: "a2",
        type: "REJECT",
        source: ["israel"],
        issues: ["ceasefire"],
        evidence: "Israel rejected the Egyptian plan.",
      },
    ]);
    expect(points[0]).toMatchObject({
      issue: "ceasefire",
      actors: ["egypt", "israel"],
      conflicts: [
        {
          for: { eventId: "s0", articleId: "a1", evidence: "Egypt proposed a six-week truce." },
          against: { eventId: "s1", articleId: "a2", evidence: "Israel rejected the Egyptian plan." },
        },
      ],
    });
  });
});

describe("stanceMatrix", () => {
  it("holds the latest stance per actor and top-level issue", () => {
    const { matrix } = build([
      { article: "a1", type: "DEMAND", source: ["hamas"], issues: ["ceasefire.permanent"] },
      { article: "a2", type: "ACCEPT", source: ["hamas"], issues: ["ceasefire"] },
      { article: "a2", type: "REJECT", source: ["israel"], issues: ["withdrawal"] },
    ]);
    expect(matrix.actors).toEqual(["hamas", "israel"]);
    expect(matrix.issues).toEqual(["ceasefire", "withdrawal"]);
    expect(matrix.cells.hamas?.ceasefire?.stance).toBe("accepts");
    expect(matrix.cells.israel?.withdrawal?.stance).toBe("rejects");
    expect(matrix.cells.israel?.ceasefire).toBeUndefined();
  });
});
