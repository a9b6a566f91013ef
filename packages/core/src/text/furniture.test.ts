import { describe, expect, it } from "vitest";
import { findFurniture, furnitureReason } from "./furniture";

const furniture: Array<[string, string]> = [
  ["Advertisement", "advertisement"],
  ["ADVERTISEMENT", "advertisement"],
  ["Live updates: all the latest on the Sahel talks", "live banner"],
  ["Live coverage from the Coast Gazette. All times GMT.", "live banner"],
  ["Latest Headlines", "navigation"],
  ["Read more: Why the border talks failed", "navigation"],
  ["Share", "share"],
  ["Share this article", "share"],
  ["Sign up for our morning briefing", "sign-up"],
  ["Delegates arrive at the venue in Lome on Sunday. Photo by Ana Ruiz/Harbour Press", "caption"],
  ["2 of 5 | Delegates arrive at the venue. | License Photo", "caption"],
  ["Foreign Minister Ama Mensah at the summitAFP", "caption"],
  ["Smoke rises over the port on Monday (Reuters)", "caption"],
  ["By continuing to use the site, you agree to the use of cookies. Find out more here.", "cookie notice"],
  ["We use cookies to improve your experience. Accept all", "cookie notice"],
  ["09:05", "timestamp"],
  ["13:50 GMT", "timestamp"],
  ["By Aiko Tanaka in Nairobi", "byline"],
  ["By Aiko Tanaka, Reuters", "byline"],
  ["By Aiko Tanaka and Omar Haddad", "byline"],
];

const text: string[] = [
  "Rebels and the government agree a truce in the north",
  "By Thursday, the talks had collapsed.",
  "The envoy said the deal would hold.",
  "Share prices rose after the ceasefire was announced.",
  "Read the statement carefully, the minister told reporters.",
  "Photo opportunities were limited at the summit, aides said.",
  "Hamas said it would study the proposal.",
  "At 09:05 the convoy crossed the border.",
];

describe("furnitureReason", () => {
  it.each(furniture)("%s", (line, reason) => {
    expect(furnitureReason(line)).toBe(reason);
  });
  it.each(text)("not furniture: %s", (line) => {
    expect(furnitureReason(line)).toBeNull();
  });
});

describe("findFurniture", () => {
  const slices = (t: string) => findFurniture(t).map((r) => t.slice(r.start, r.end));

  it("skips a label caption followed by its credited copy, keeps the lead", () => {
    const t = "Envoy Ama Mensah\nEnvoy Ama MensahReuters\n\nEnvoy Ama Mensah flew to Lome on Friday to meet rebels.";
    expect(slices(t)).toEqual(["Envoy Ama Mensah", "Envoy Ama MensahReuters"]);
  });

  it("skips a short label printed twice", () => {
    const t = "President Lea Moreau\nPresident Lea Moreau\n\nThe president arrived in Dakar.";
    expect(slices(t)).toEqual(["President Lea Moreau", "President Lea Moreau"]);
  });

  it("skips a repeated lead behind a dateline, keeping the first", () => {
    const lead = "The foreign minister on Monday urged both sides to accept the truce plan.";
    const t = `Minister urges truce\n\n${lead}\n\nDakar: ${lead}\n\nMore text follows here today.`;
    const r = findFurniture(t);
    expect(r).toHaveLength(1);
    expect(t.slice(r[0]!.start, r[0]!.end)).toBe(`Dakar: ${lead}`);
    expect(r[0]!.reason).toBe("repeated paragraph");
  });

  it("keeps the headline", () => {
    const t = "Truce holds in the east\n\nThe truce held on Sunday, officials said.";
    expect(findFurniture(t)).toEqual([]);
  });

  it("ranges cover the line without its newline, with CRLF-free offsets", () => {
    const t = "Headline\nAdvertisement\nBody text here.";
    const r = findFurniture(t);
    expect(r).toEqual([{ start: 9, end: 22, reason: "advertisement" }]);
  });

  it("is linear on a huge single line", () => {
    const t = "a ".repeat(5_000_000);
    findFurniture(t);
  });
});
