import type { Analysis, EventType } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../analyze";

// Who did what to whom: argument roles on sentences written for these tests.

function analyze(text: string): Analysis {
  return analyzeArticle({ text, published: "2025-05-15" });
}

const nameOf = (a: Analysis, id: string) => a.actors.find((x) => x.id === id)?.name ?? id;

/** The events of one type whose evidence contains `inSentence`, with actor names. */
function eventsOf(a: Analysis, type: EventType, inSentence: string) {
  return a.events
    .filter((e) => e.type === type && e.evidence.text.includes(inSentence))
    .map((e) => ({
      source: e.source.map((id) => nameOf(a, id)),
      target: e.target.map((id) => nameOf(a, id)),
      status: e.status,
    }));
}

describe("argument roles", () => {
  it("takes the author of an unowned proposal from an earlier sentence", () => {
    const a = analyze(
      "Hamas handed counter-proposals to the mediators in Doha on Monday.\nIsraeli officials said on Tuesday that Benjamin Netanyahu rejected the proposals.",
    );
    expect(eventsOf(a, "REJECT", "rejected the proposals")).toEqual([
      { source: ["Benjamin Netanyahu"], target: ["Hamas"], status: "occurred" },
    ]);
  });

  it("does not make the rejecting side the author of its own proposal", () => {
    const a = analyze(
      "Israel put forward a proposal on Sunday.\nLater, Israel rejected the proposal's revised wording.",
    );
    for (const e of eventsOf(a, "REJECT", "Later")) expect(e.target).not.toContain("Israel");
  });

  it("gives no party to talks that are the subject of resuming", () => {
    const a = analyze(
      "The Iranian delegation left Vienna on Friday to consult with Tehran, and the negotiations would resume next week.",
    );
    expect(eventsOf(a, "RESUME", "resume").map((e) => [e.source, e.target])).toEqual([[[], []]]);
  });

  it("keeps the talks, not the party, as the subject when another noun is coordinated with them", () => {
    const a = analyze("The Iranian delegation left Geneva on Friday as negotiations and contacts continue.");
    expect(eventsOf(a, "RESUME", "continue").map((e) => e.source)).toEqual([[]]);
  });

  it("does not read an active participle after an auxiliary as a passive ('had agreed to … by two days')", () => {
    const a = analyze(
      "Fighting between Israel and Hamas paused last week.\nQatar said that the two sides had agreed to extend the pause by two days.",
    );
    expect(eventsOf(a, "AGREE", "had agreed")).toEqual([{ source: ["Israel"], target: ["Hamas"], status: "occurred" }]);
  });

  it("gives each state its delegation in 'the Saudi and Iranian delegations'", () => {
    const a = analyze("The Saudi and Iranian delegations opened their discussions in Baghdad on Monday.");
    const [meet] = eventsOf(a, "MEET", "discussions");
    expect(meet?.source.sort()).toEqual(["Iranian delegation", "Saudi delegation"]);
  });

  it("counts 'the mediators' named earlier as counterparts of a meeting", () => {
    const a = analyze(
      "Egyptian and Qatari mediators arrived in Cairo on Sunday.\nThe Israeli delegation held talks with the mediators on Monday.",
    );
    const [meet] = eventsOf(a, "MEET", "held talks");
    expect([...(meet?.source ?? []), ...(meet?.target ?? [])].sort()).toEqual(["Egypt", "Israeli delegation", "Qatar"]);
  });

  it("reads a passive signing with appositives and 'together with'", () => {
    const a = analyze(
      "The final text was signed by Ilham Aliyev, the president of Azerbaijan, and Nikol Pashinyan, the Armenian prime minister, together with Marco Rubio, the US secretary of state.",
    );
    expect(eventsOf(a, "AGREE", "signed")).toEqual([
      { source: ["Ilham Aliyev"], target: ["Nikol Pashinyan", "Marco Rubio"], status: "occurred" },
    ]);
  });

  it("reports the finite verb, not a participle modifying a noun ('a statement sealing the deal was signed by')", () => {
    const a = analyze("A statement sealing the accord was signed by Nikol Pashinyan and Ilham Aliyev.");
    expect(eventsOf(a, "AGREE", "signed")).toEqual([
      { source: ["Nikol Pashinyan"], target: ["Ilham Aliyev"], status: "occurred" },
    ]);
  });

  it("takes 'the two sides' from a 'between' pair over an earlier pair of allies", () => {
    const a = analyze(
      "CIA and Mossad chiefs met in Doha on Monday.\nThe truce between Israel and Hamas held for a fifth day.\nEgypt urged both sides to extend it.",
    );
    expect(eventsOf(a, "APPEAL", "urged").map((e) => e.target.sort())).toEqual([["Hamas", "Israel"]]);
  });

  it("counts the parties of talks brokered by a third state, not the broker, as participants", () => {
    const a = analyze("Ethiopia and Eritrea restored relations after talks brokered by Saudi Arabia.");
    const [meet] = eventsOf(a, "MEET", "talks");
    expect([...(meet?.source ?? []), ...(meet?.target ?? [])].sort()).toEqual(["Eritrea", "Ethiopia"]);
  });

  it("does not read the adjective 'mass' as massing troops", () => {
    const a = analyze("Kerry raised concerns with Egypt about mass trials of opposition members.");
    expect(a.events.filter((e) => e.type === "MOBILIZE")).toEqual([]);
  });

  it("reads 'rocket after rocket' as one object, not a clause", () => {
    const a = analyze("Hezbollah launched rocket after rocket at Israeli towns on Sunday.");
    expect(eventsOf(a, "MILITARY", "launched")).toEqual([
      { source: ["Hezbollah"], target: ["Israel"], status: "occurred" },
    ]);
  });

  it("does not coordinate the closing reporter with the participants ('…, Ahmed said')", () => {
    const a = analyze(
      "Mahmoud Abbas met Hamas leader Khalil al-Hayya in Doha on Friday along with Qatari mediators, Azzam al-Ahmed said.",
    );
    const [meet] = eventsOf(a, "MEET", "met");
    expect([...(meet?.source ?? []), ...(meet?.target ?? [])]).not.toContain("Azzam al-Ahmed");
  });

  it("takes the subject of a subordinate clause with a present-tense verb ('before Israel proceeds with')", () => {
    const a = analyze("Mediators want a truce before Israel proceeds with a ground offensive in Rafah.");
    expect(eventsOf(a, "MILITARY", "offensive").map((e) => e.source)).toEqual([["Israel"]]);
  });

  it("makes the accused the agent of the action they are blamed for", () => {
    const a = analyze(
      "Speaking on Sunday, Qatar blamed Israel for not only stalling the talks, but for shedding blood by continuing to bomb Gaza.",
    );
    expect(eventsOf(a, "MILITARY", "bomb").map((e) => e.source)).toEqual([["Israel"]]);
  });

  it("attaches 'by' + participle to the nearest clause ('after X sent … by pledging')", () => {
    const a = analyze(
      "Blinken did not mention the deadline, after Benjamin Netanyahu alarmed allies by threatening to storm Rafah.",
    );
    expect(eventsOf(a, "THREATEN", "threatening").map((e) => e.source)).toEqual([["Benjamin Netanyahu"]]);
  });

  it("reads 'we' in a quotation as the speaker's side, and the condition's party as the target", () => {
    const a = analyze(
      "“If Hamas fires rockets again, we will strike back,” Benjamin Netanyahu said in a speech on Monday, adding that the army was ready.",
    );
    expect(eventsOf(a, "MILITARY", "strike back")).toContainEqual({
      source: ["Israel"],
      target: ["Hamas"],
      status: "planned",
    });
  });

  it("gives a demand noun inside a prepositional phrase to its possessor ('over Hamas's insistence on')", () => {
    const a = analyze(
      "An Egyptian official said the talks had stalled over Hamas's insistence on a number of conditions.",
    );
    expect(eventsOf(a, "DEMAND", "insistence").map((e) => e.source)).toEqual([["Hamas"]]);
  });

  it("names the party whose position stalls the talks ('stalled over X's demands')", () => {
    const a = analyze("The talks in Vienna stalled over Iran's demands on sanctions relief.");
    expect(eventsOf(a, "SUSPEND", "stalled").map((e) => e.source)).toEqual([["Iran"]]);
  });

  it("reads the speaker of an absolute 'with X saying' clause", () => {
    const a = analyze(
      "The White House welcomed the accord, with spokesman John Kirby saying it could help end the war in Yemen.",
    );
    expect(a.events.filter((e) => e.type === "ASSESS").map((e) => e.source.map((id) => nameOf(a, id)))).toEqual([
      ["John Kirby"],
    ]);
  });

  it("gives bare 'fighters' in a movement spokesman's words to the movement", () => {
    const a = analyze(
      "The Taliban's spokesman, Zabihullah Mujahid, said on Monday that fighters would resume attacks on Afghan forces.",
    );
    expect(eventsOf(a, "MILITARY", "attacks")).toEqual([
      { source: ["Taliban"], target: ["Afghanistan"], status: "planned" },
    ]);
  });

  it("reads 'the two men' as the two people just named, not the two sides", () => {
    const a = analyze(
      "Israel and Hamas have fought for months.\nMahmoud Abbas, the Palestinian president, signed first, and Khalil al-Hayya signed second before the two men shook hands.",
    );
    const [meet] = eventsOf(a, "MEET", "shook hands");
    expect([...(meet?.source ?? []), ...(meet?.target ?? [])].sort()).toEqual(["Khalil al-Hayya", "Mahmoud Abbas"]);
  });

  it("joins two signatories who sign in coordinated clauses into one agreement", () => {
    const a = analyze("Ilham Aliyev signed for Azerbaijan, and Nikol Pashinyan signed for Armenia.");
    expect(eventsOf(a, "AGREE", "signed")).toEqual([
      { source: ["Ilham Aliyev"], target: ["Nikol Pashinyan"], status: "occurred" },
    ]);
  });

  it("does not make the captives' side the releaser ('Taliban prisoners to be freed')", () => {
    const a = analyze("The accord provides for 400 Taliban prisoners to be freed by the end of March.");
    expect(eventsOf(a, "RELEASE", "freed").map((e) => e.source)).toEqual([[]]);
  });

  it("takes the actor whose role or conduct is backed or condemned as the target", () => {
    const a = analyze("Guterres praised the efforts of Qatar.\nJordan condemned the conduct of the Israeli army.");
    expect(eventsOf(a, "SUPPORT", "praised").map((e) => e.target)).toEqual([["Qatar"]]);
    expect(eventsOf(a, "ACCUSE", "condemned").map((e) => e.target)).toEqual([["Israel Defense Forces"]]);
  });

  it("takes the party named in a threat's complement as its target", () => {
    const a = analyze("Benjamin Netanyahu vowed on Sunday to keep fighting until Hamas is destroyed.");
    expect(eventsOf(a, "THREATEN", "vowed")).toEqual([
      { source: ["Benjamin Netanyahu"], target: ["Hamas"], status: "occurred" },
    ]);
  });

  it("treats a gerund after a refusal as its content, not a separate event ('ruled out signing')", () => {
    const a = analyze("Nikol Pashinyan has ruled out signing while the border remains disputed.");
    expect(a.events.map((e) => e.type)).toEqual(["REJECT"]);
  });

  it("reports what a party is thanked for as its action ('thanked China for hosting the talks')", () => {
    const a = analyze("Guterres thanked Oman for hosting the talks.");
    expect(eventsOf(a, "MEDIATE", "hosting").map((e) => e.source)).toEqual([["Oman"]]);
    expect(eventsOf(a, "SUPPORT", "thanked").map((e) => e.target)).toEqual([["Oman"]]);
  });

  it("coordinates a person whose hyphenated title is split ('X and UN Secretary-General Y, who brokered')", () => {
    const a = analyze(
      "Turkish President Recep Tayyip Erdogan and UN Secretary-General Antonio Guterres, who brokered the accord, looked on.",
    );
    expect(eventsOf(a, "MEDIATE", "brokered").map((e) => e.source.sort())).toEqual([
      ["António Guterres", "Recep Tayyip Erdoğan"],
    ]);
  });

  it("takes the person named after a possessor's title ('Biden's envoy, Brett McGurk')", () => {
    const a = analyze("Steve Witkoff held talks in Doha with Biden's envoy, Brett McGurk.");
    const [meet] = eventsOf(a, "MEET", "held talks");
    expect([...(meet?.source ?? []), ...(meet?.target ?? [])].sort()).toEqual(["Brett McGurk", "Steve Witkoff"]);
  });

  it("reports a pledged action as planned beside the pledge, but not a pledged release or a pledge not to act", () => {
    const a = analyze(
      "Moscow pledges to pull its troops out of the region within a year.\nThe rebels committed to moving their fighters into camps.\nThe rebels pledged to free 40 soldiers.\nThe two countries undertook not to attack each other.",
    );
    expect(eventsOf(a, "MOBILIZE", "pull its troops")).toEqual([{ source: ["Russia"], target: [], status: "planned" }]);
    expect(eventsOf(a, "MOBILIZE", "moving their fighters").map((e) => e.status)).toEqual(["planned"]);
    expect(eventsOf(a, "RELEASE", "free 40")).toEqual([]);
    expect(eventsOf(a, "MILITARY", "not to attack")).toEqual([]);
  });

  it("reads opening talks with a party as a meeting", () => {
    const a = analyze("The Taliban committed to opening talks with the Afghan government.");
    expect(eventsOf(a, "MEET", "opening talks")).toEqual([
      { source: ["Taliban"], target: ["Afghanistan"], status: "planned" },
    ]);
  });

  it("takes the author of the latest attack as the target of condemning an unowned attack", () => {
    const a = analyze(
      "Russian missiles hit the port of Odesa on Saturday.\nThe UN chief condemned the strike the same day.",
    );
    expect(eventsOf(a, "ACCUSE", "condemned")).toEqual([
      { source: ["António Guterres"], target: ["Russia"], status: "occurred" },
    ]);
  });

  it("reads 'the occupying entity' as Israel", () => {
    const a = analyze("Talks failed as the occupying entity's offensive in Gaza entered its fifth month.");
    expect(a.events.filter((e) => e.type === "MILITARY").map((e) => e.source.map((id) => nameOf(a, id)))).toEqual([
      ["Israel"],
    ]);
  });

  it("does not take a target from a following relative clause, and reads 'whose' as the object of a demand", () => {
    const a = analyze(
      "The deal does not mention Russia, whose troops have fought beside separatist forces and whose withdrawal the Ukrainian government has long demanded.",
    );
    expect(eventsOf(a, "MILITARY", "fought")).toEqual([{ source: ["Russia"], target: [], status: "occurred" }]);
    expect(eventsOf(a, "DEMAND", "demanded")).toEqual([
      { source: ["Ukraine"], target: ["Russia"], status: "occurred" },
    ]);
  });

  it("takes the leader of 'X-led forces' as the subject in a subordinate clause", () => {
    const a = analyze("Thousands have died since Saudi-led forces attacked the Houthis in 2015.");
    expect(eventsOf(a, "MILITARY", "attacked")).toEqual([
      { source: ["Saudi Arabia"], target: ["Houthis"], status: "occurred" },
    ]);
  });

  it("keeps a relative clause in the past perfect as occurred, not an inverted condition", () => {
    const a = analyze(
      "Joe Biden, who had spoken by phone with Benjamin Netanyahu earlier in the day, announced the truce.",
    );
    expect(eventsOf(a, "CALL", "spoken").map((e) => e.status)).toEqual(["occurred"]);
  });

  it("targets the author of an idea turned down in the same sentence", () => {
    const a = analyze(
      "Serbia said it had suggested holding a summit in Brussels, but that Kosovo had turned the idea down.",
    );
    expect(eventsOf(a, "REJECT", "turned")).toEqual([{ source: ["Kosovo"], target: ["Serbia"], status: "occurred" }]);
  });

  it("does not read 'countered that' as a counter-proposal", () => {
    const a = analyze("Iran's foreign minister has countered that Tehran will not be hurried.");
    expect(a.events.filter((e) => e.type === "COUNTER_PROPOSE")).toEqual([]);
  });

  it("coordinates states named through their ministers ('along with foreign ministers of X, Y and Z')", () => {
    const a = analyze(
      "Blinken spoke by phone to his counterparts from Qatar and Egypt, which have sway over Hamas, along with foreign ministers of France and Jordan.",
    );
    const [call] = eventsOf(a, "CALL", "spoke");
    expect(call?.target.sort()).toEqual(["Egypt", "France", "Jordan", "Qatar"]);
  });

  it("reads 'was headed to' as travelling, not a passive", () => {
    const a = analyze("A Hamas source said a delegation was headed to Cairo.");
    expect(eventsOf(a, "TRAVEL", "headed").map((e) => e.source)).toEqual([["Hamas delegation"]]);
  });

  it("reads a party declaring itself ready to act as an offer, without the action itself", () => {
    const a = analyze("A Hamas official said on Monday that the group was ready to release more captives.");
    expect(a.events.map((e) => e.type)).toEqual(["PROPOSE"]);
    expect(eventsOf(a, "PROPOSE", "ready").map((e) => e.source)).toEqual([["Hamas"]]);
  });

  it("reads a participle after a preposition as an adjective ('amid continued Israeli bombardment')", () => {
    const a = analyze("Smoke rose over Khan Younis amid continued Israeli bombardment on Wednesday.");
    expect(a.events.map((e) => [e.type, e.source.map((id) => nameOf(a, id))])).toEqual([["MILITARY", ["Israel"]]]);
  });

  it("does not read a word inside a name as a trigger ('the Rapid Support Forces')", () => {
    const a = analyze("Witnesses blamed the paramilitary Rapid Support Forces for the raid.");
    expect(a.events.filter((e) => e.type === "SUPPORT")).toEqual([]);
  });

  it("does not report disarmament named only as a topic, but does when it is someone's", () => {
    const a = analyze(
      "Envoys met in Pretoria, but disarmament will decide whether the truce holds.\nThe disarmament of the rebels began on Monday.",
    );
    expect(eventsOf(a, "MOBILIZE", "Envoys")).toEqual([]);
    expect(eventsOf(a, "MOBILIZE", "rebels began")).toHaveLength(1);
  });

  it("reads 'the bloc' as a regional organisation, not the UN", () => {
    const a = analyze(
      "The African Union brokered the accord in Pretoria.\nUN Secretary-General António Guterres welcomed the deal, and Antony Blinken praised the bloc for its leadership.",
    );
    expect(eventsOf(a, "SUPPORT", "praised the bloc").flatMap((e) => e.target)).toContain("African Union");
  });

  it("starts a new clause at ', and' after a list closed by 'and'", () => {
    const a = analyze(
      "The spokesman said the strike was an insult to Guterres and Erdogan, and Zelensky called it barbarism.",
    );
    expect(eventsOf(a, "ACCUSE", "called").map((e) => e.source)).toEqual([["Volodymyr Zelenskyy"]]);
    expect(eventsOf(a, "MILITARY", "strike").flatMap((e) => e.target)).not.toContain("Volodymyr Zelenskyy");
  });

  it("does not take the thing judged ('called it …') as the party accused", () => {
    const a = analyze("The UN reported a missile strike on the port of Odesa.\nZelensky called it barbarism.");
    const accusations = eventsOf(a, "ACCUSE", "called it");
    expect(accusations.map((e) => e.source)).toEqual([["Volodymyr Zelenskyy"]]);
    expect(accusations.flatMap((e) => e.target)).not.toContain("United Nations");
  });

  it("gives support named with its owner inside the phrase to that owner ('reaffirming US support for X')", () => {
    const a = analyze("Washington and Kabul issued a statement reaffirming US support for the Afghan government.");
    expect(eventsOf(a, "SUPPORT", "reaffirming")).toEqual([
      { source: ["United States"], target: ["Afghanistan"], status: "occurred" },
    ]);
  });
});
