import { defineConfig } from "vitest/config";

export default defineConfig({
  // The generator tests build thousands of articles; on a busy 2-core machine that takes longer than vitest's 5 s.
  test: { testTimeout: 60_000 },
});
