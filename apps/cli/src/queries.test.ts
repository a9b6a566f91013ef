import { describe, expect, it } from "vitest";
import { CliError } from "./errors";
import { serverBase } from "./queries";

describe("--server URL", () => {
  it("keeps a plain URL, without its trailing slash", () => {
    expect(serverBase("http://127.0.0.1:3000/")).toBe("http://127.0.0.1:3000");
    expect(serverBase("https://team.example/parley")).toBe("https://team.example/parley");
  });

  it("refuses a URL with credentials, without repeating the token", () => {
    for (const url of ["http://analyst:s3cret-token-123@team.example:8080", "http://s3cret-token-123@team.example"]) {
      let err: unknown;
      try {
        serverBase(url);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CliError);
      const e = err as CliError;
      expect(`${e.message} ${e.hint}`).not.toContain("s3cret");
      expect(e.hint).toContain("PARLEY_TOKEN");
    }
  });

  it("refuses what is not an http(s) URL", () => {
    expect(() => serverBase("team.example:8080")).toThrow(CliError);
    expect(() => serverBase("file:///etc/passwd")).toThrow(/http\(s\)/);
  });
});
