import type { Analysis, EventType } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../analyze";

// Event detection (recall): constructions whose events were missed, on sentences written for these tests.

function analyze(text: string): Analysis {
  return analyzeArticle({ text, published: "2025-05-15" });
}

const nameOf = (a: Analysis, id: string) => a.actors.find((x) => x.id === id)?.name ?? id;

function eventsOf(a: Analysis, type: EventType) {
  return a.events
    .filter((e) => e.type === type)
    .map((e) => ({ source: e.source.map((id) => nameOf(a, id)).sort(), status: e.status }));
}

describe("event detection", () => {
  it("reports talks that open an 'as' clause, with no party, beside a meeting in another clause", () => {
    const a = analyze(
      "The deadline that Israel and Hamas set when they met in Doha in March was missed as talks on the hostages dragged on.",
    );
    const meets = eventsOf(a, "MEET");
    expect(meets).toHaveLength(2);
    expect(meets).toContainEqual({ source: [], status: "occurred" });
  });

  it("keeps two movements of one type in clauses joined by a subordinating 'as'", () => {
    const a = analyze("Russian troops will pull back from the town as the Ukrainian army deploys along the river.");
    expect(eventsOf(a, "MOBILIZE")).toHaveLength(2);
  });

  it("does not merge 'as' in 'as well as' or 'acted as' into a clause break", () => {
    const a = analyze("Qatar acted as mediator as well as host of the talks in Doha.");
    expect(eventsOf(a, "MEDIATE")).toHaveLength(1);
  });

  it("reports a hoped-for signing as planned", () => {
    const a = analyze("Aliyev said he hopes to sign the peace treaty with Armenia within weeks.");
    expect(eventsOf(a, "AGREE").map((e) => e.status)).toEqual(["planned"]);
    expect(eventsOf(a, "ASSESS")).toHaveLength(1);
  });

  it("keeps 'hopes to' as a purpose noun after a determiner ('dimmed hopes to reach a deal')", () => {
    const a = analyze("The shelling dimmed hopes to reach a deal in Doha.");
    expect(eventsOf(a, "AGREE")).toHaveLength(0);
  });

  it("treats an -ing verb after a name as a verb when an object follows ('left Kyiv accusing Moscow')", () => {
    const a = analyze("A missile strike on Kharkiv on Monday left Kyiv accusing Moscow of sabotaging the talks.");
    expect(eventsOf(a, "ACCUSE")).toHaveLength(1);
    expect(eventsOf(a, "TRAVEL")).toHaveLength(0);
  });

  it("reports a visit expected in a capital as planned, beside an earlier visit", () => {
    const a = analyze("Blinken, who visited Israel last week, was also expected in Cairo on Friday.");
    expect(
      eventsOf(a, "TRAVEL")
        .map((e) => e.status)
        .sort(),
    ).toEqual(["occurred", "planned"]);
  });

  it("reports an offensive warned about as hypothetical, and the warning by a third party as no threat", () => {
    const a = analyze("The UN warned that an Israeli ground offensive in Rafah would cause mass civilian casualties.");
    expect(eventsOf(a, "MILITARY")).toEqual([{ source: ["Israel"], status: "hypothetical" }]);
    expect(a.events.filter((e) => e.type === "ASSESS").map((e) => e.target.map((id) => nameOf(a, id)))).toEqual([
      ["Israel"],
    ]);
    expect(eventsOf(a, "THREATEN")).toHaveLength(0);
  });

  it("still reads a warning of the speaker's own strikes as a threat", () => {
    const a = analyze("Netanyahu warned that Israel would strike Hezbollah positions if the rockets continued.");
    expect(eventsOf(a, "THREATEN").map((e) => e.source)).toEqual([["Benjamin Netanyahu"]]);
  });

  it("reads hostile conduct ascribed to another party in reported speech as an accusation", () => {
    const a = analyze("Egypt's foreign minister said that Hamas was working with Iran to undermine the truce talks.");
    const accusations = a.events.filter((e) => e.type === "ACCUSE");
    expect(accusations.map((e) => e.target.map((id) => nameOf(a, id)).sort())).toEqual([["Hamas", "Iran"]]);
  });

  it("does not accuse the speaker's own side of the conduct it describes", () => {
    const a = analyze("Israeli officials said Israel was not stalling the talks in Doha.");
    expect(eventsOf(a, "ACCUSE")).toHaveLength(0);
  });

  it("takes the author of a proposal judged in a statement as what the statement is about", () => {
    const a = analyze("Lavrov said he saw some hope in Ukraine's counter-proposals.");
    expect(a.events.filter((e) => e.type === "ASSESS").map((e) => e.target.map((id) => nameOf(a, id)))).toEqual([
      ["Ukraine"],
    ]);
  });

  it("reports a confirmed breakthrough as an acceptance and a deal between the confirming side and its counterpart", () => {
    const a = analyze(
      "Serbia and Kosovo held talks in Brussels on Monday.\nHours later, Kosovo's foreign ministry confirmed the breakthrough.",
    );
    expect(eventsOf(a, "ACCEPT")).toHaveLength(1);
    const deals = a.events.filter((e) => e.type === "AGREE");
    expect(deals.map((e) => [e.source.map((id) => nameOf(a, id)), e.target.map((id) => nameOf(a, id))])).toEqual([
      [["Kosovo"], ["Serbia"]],
    ]);
  });

  it("reads '…, though X say …' as X's statement of what follows, not of the clause before", () => {
    const a = analyze("Israel let 150 aid trucks into Gaza on Monday, though UN agencies say far more aid is needed.");
    const assessments = a.events.filter((e) => e.type === "ASSESS");
    expect(assessments.map((e) => e.source.map((id) => nameOf(a, id)))).toEqual([["United Nations"]]);
    expect(eventsOf(a, "HUMANITARIAN")).toEqual([{ source: ["Israel"], status: "occurred" }]);
  });

  it("reports meetings that someone did not attend as negated meetings", () => {
    const a = analyze("Taliban officials did not attend any of the envoy's meetings in Doha.");
    expect(eventsOf(a, "MEET").map((e) => e.status)).toEqual(["negated"]);
  });

  it("ends an appeal's content at an 'as he …' clause and takes the partner of 'worked with X to'", () => {
    const a = analyze(
      "Blinken on Monday urged Hamas to accept the truce as he worked with Qatar to refine the proposal.",
    );
    expect(eventsOf(a, "APPEAL")).toHaveLength(1);
    const mediation = a.events.filter((e) => e.type === "MEDIATE");
    expect(mediation.map((e) => [e.source.map((id) => nameOf(a, id)), e.target.map((id) => nameOf(a, id))])).toEqual([
      [["Antony Blinken"], ["Qatar"]],
    ]);
  });
});
