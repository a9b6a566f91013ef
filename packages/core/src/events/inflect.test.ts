import { describe, expect, it } from "vitest";
import { labelledVerbForms, nounForms, verbForms } from "./inflect";

describe("verbForms", () => {
  it.each([
    ["reject", ["reject", "rejects", "rejected", "rejecting"]],
    ["urge", ["urge", "urges", "urged", "urging"]],
    ["carry", ["carry", "carries", "carried", "carrying"]],
    ["stop", ["stop", "stops", "stopped", "stopping"]],
    ["push", ["push", "pushes", "pushed", "pushing"]],
    ["veto", ["veto", "vetoes", "vetoed", "vetoing"]],
    ["spurn", ["spurn", "spurns", "spurned", "spurning"]],
    ["meet", ["meet", "meets", "met", "meeting"]],
    ["hold", ["hold", "holds", "held", "holding"]],
    ["fly", ["fly", "flies", "flew", "flown", "flying"]],
    ["speak", ["speak", "speaks", "spoke", "spoken", "speaking"]],
  ])("%s → %j", (base, forms) => {
    expect(new Set(verbForms(base))).toEqual(new Set(forms));
  });

  it.each(["meet", "hold", "fly"])("irregular %s has no regular -ed form", (base) => {
    expect(verbForms(base)).not.toContain(`${base}ed`);
  });

  it("returns no duplicates when the past and participle coincide", () => {
    const forms = verbForms("hold");
    expect(forms.length).toBe(new Set(forms).size);
  });

  it("'be' includes the plural and contracted forms", () => {
    expect(verbForms("be")).toEqual(expect.arrayContaining(["is", "are", "was", "were"]));
  });
});

describe("labelledVerbForms", () => {
  it.each([
    [
      "meet",
      [
        ["meet", "base"],
        ["meets", "s"],
        ["met", "past"],
        ["meeting", "ing"],
      ],
    ],
    [
      "hold",
      [
        ["hold", "base"],
        ["holds", "s"],
        ["held", "past"],
        ["holding", "ing"],
      ],
    ],
    [
      "fly",
      [
        ["fly", "base"],
        ["flies", "s"],
        ["flew", "past"],
        ["flown", "past"],
        ["flying", "ing"],
      ],
    ],
    [
      "reject",
      [
        ["reject", "base"],
        ["rejects", "s"],
        ["rejected", "past"],
        ["rejecting", "ing"],
      ],
    ],
    [
      "propose",
      [
        ["propose", "base"],
        ["proposes", "s"],
        ["proposed", "past"],
        ["proposing", "ing"],
      ],
    ],
  ] as const)("%s", (base, expected) => {
    const got = new Map(labelledVerbForms(base));
    for (const [form, label] of expected) expect(got.get(form), form).toBe(label);
  });
});

it.each([
  ["agree", "agreeing"],
  ["free", "freeing"],
])("verbForms(%s) includes %s", (base, ing) => {
  expect(verbForms(base)).toContain(ing);
  expect(new Map(labelledVerbForms(base)).get(ing)).toBe("ing");
});

describe("nounForms", () => {
  it.each([
    ["proposal", ["proposal", "proposals"]],
    ["talks", ["talks"]],
    ["truce", ["truce", "truces"]],
    ["ceasefire", ["ceasefire", "ceasefires"]],
    ["breach", ["breach", "breaches"]],
    ["summit", ["summit", "summits"]],
    ["strategy", ["strategy", "strategies"]],
    ["phone call", ["phone call", "phone calls"]],
    ["prisoner exchange", ["prisoner exchange", "prisoner exchanges"]],
  ])("%s → %j", (noun, forms) => {
    expect(new Set(nounForms(noun))).toEqual(new Set(forms));
  });
});
