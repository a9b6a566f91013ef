import { EVENT_TYPES } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { EVENT_CODES, eventCode, PLOVER_CATEGORIES } from "./event-codes";

describe("EVENT_CODES", () => {
  it.each(EVENT_TYPES.map((t) => [t]))("%s is mapped to a CAMEO code and a PLOVER category", (type) => {
    const code = eventCode(type);
    expect(code.cameo).toMatch(/^\d{2,3}$/);
    expect(code.cameoLabel.length).toBeGreaterThan(3);
    expect([...PLOVER_CATEGORIES, "NONE"]).toContain(code.plover);
    if (code.ploverMode !== null) expect(code.ploverMode).toMatch(/^[a-z-]+$/);
  });

  it("maps exactly the 22 event types, nothing more", () => {
    expect(Object.keys(EVENT_CODES).sort()).toEqual([...EVENT_TYPES].sort());
  });

  const fixed: [keyof typeof EVENT_CODES, string, string][] = [
    ["CALL", "041", "CONSULT"],
    ["MEDIATE", "045", "CONSULT"],
    ["REJECT", "127", "REJECT"],
    ["AGREE", "057", "AGREE"],
    ["RELEASE", "084", "RETREAT"],
    ["MILITARY", "190", "ASSAULT"],
    ["HUMANITARIAN", "073", "AID"],
  ];
  it.each(fixed)("%s → CAMEO %s, PLOVER %s", (type, cameo, plover) => {
    expect(EVENT_CODES[type]).toMatchObject({ cameo, plover });
  });

  it("CAMEO root families agree with the PLOVER quad class for conflict codes", () => {
    // CAMEO roots 10–20 are conflict; PLOVER conflict categories start at REQUEST.
    const conflict = new Set(PLOVER_CATEGORIES.slice(PLOVER_CATEGORIES.indexOf("REQUEST")));
    for (const [type, code] of Object.entries(EVENT_CODES)) {
      const root = Number(code.cameo.slice(0, 2));
      if (root >= 11 && code.plover !== "NONE") expect(conflict.has(code.plover as never), type).toBe(true);
    }
  });
});
