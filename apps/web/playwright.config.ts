import { defineConfig } from "@playwright/test";

/** Debian's chromium, never a downloaded browser (see .ci/run). */
export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // Screenshots go to test-results/screens (kept); Playwright's own artifacts to a folder it may clean.
  outputDir: "test-results/artifacts",
  // One browser and one server on a 2-core machine: serial and generous, never timed.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    browserName: "chromium",
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    navigationTimeout: 60_000,
    actionTimeout: 30_000,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
