import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The yardstick test analyses the whole shared corpus.
    testTimeout: 60000,
  },
});
