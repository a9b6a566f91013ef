import { describe, expect, it } from "vitest";
import { isLoopback, requestToken, tokenMatches } from "./serve";

describe("serve access rules", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.4.5.6", true],
    ["localhost", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["192.168.1.10", false],
    ["::", false],
    ["example.org", false],
  ])("loopback(%s) = %s", (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it("reads the token from a bearer header or a Basic password", () => {
    expect(requestToken("Bearer abc123")).toBe("abc123");
    expect(requestToken("bearer abc123")).toBe("abc123");
    expect(requestToken(`Basic ${Buffer.from("analyst:s3cret:with:colons").toString("base64")}`)).toBe(
      "s3cret:with:colons",
    );
    expect(requestToken(`Basic ${Buffer.from("no-colon").toString("base64")}`)).toBeNull();
    expect(requestToken(undefined)).toBeNull();
    expect(requestToken("Token abc")).toBeNull();
    expect(requestToken("Bearer")).toBeNull();
  });

  it("compares tokens whatever their lengths", () => {
    expect(tokenMatches("correct-horse-battery", "correct-horse-battery")).toBe(true);
    expect(tokenMatches("correct-horse-batterY", "correct-horse-battery")).toBe(false);
    expect(tokenMatches("short", "correct-horse-battery")).toBe(false);
    expect(tokenMatches("", "correct-horse-battery")).toBe(false);
    expect(tokenMatches(null, "correct-horse-battery")).toBe(false);
  });
});
