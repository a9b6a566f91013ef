import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each case starts the CLI from source in a child process.
    testTimeout: 60000,
  },
});
