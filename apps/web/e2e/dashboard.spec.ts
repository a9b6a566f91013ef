import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { CHROMIUM } from "../playwright.config";
import { EXAMPLES, hasSeeds, runCli, SEEDS, startServer, stopServer, tempDataDir, WEB_DIR } from "./server";

// A developer machine without Debian's chromium skips the browser tests with a clear reason; CI installs it
// (.ci/run) and never skips.
test.skip(
  !process.env.CI && !existsSync(CHROMIUM),
  `no chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the dashboard tests`,
);

const BASE = () => {
  const url = process.env.PARLEY_E2E_URL;
  if (!url) throw new Error("global setup did not start a server");
  return url;
};
const SCREENS = join(WEB_DIR, "test-results", "screens");
mkdirSync(SCREENS, { recursive: true });

interface ManifestEntry {
  file: string;
  outlet?: string;
  published?: string;
}

async function api<T>(path: string, input?: unknown): Promise<T> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${BASE()}/api/trpc/${path}${q}`);
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** Opens a view and waits until its data is on screen (no loading or error state left). */
async function open(page: Page, path: string) {
  await page.goto(`${BASE()}${path}`);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

async function ingestThroughForm(page: Page, dir: string, entries: ManifestEntry[]) {
  for (const e of entries) {
    await open(page, "/ingest");
    if (e.outlet) await page.getByLabel("Outlet").fill(e.outlet);
    if (e.published) await page.getByLabel("Published (YYYY-MM-DD)").fill(e.published);
    await page.getByLabel(/or files/).setInputFiles(join(dir, e.file));
    await page.getByRole("button", { name: "Ingest", exact: true }).click();
    await expect(page.getByTestId("ingest-progress")).toHaveText("1/1");
    const row = page.getByTestId("ingest-results").locator("tbody tr");
    await expect(row).toHaveCount(1);
    // Stored now, or already stored by an earlier run of this step; never failed.
    await expect(row.locator("td").nth(3)).toHaveText("0");
  }
}

test.describe.configure({ mode: "serial" });

test("ingests the seed articles through the ingest form", async ({ page }) => {
  test.skip(!hasSeeds(), `no seed corpus at ${SEEDS}: skipping (the example articles are ingested next)`);
  const manifest = JSON.parse(readFileSync(join(SEEDS, "manifest.json"), "utf8")) as ManifestEntry[];
  await ingestThroughForm(page, SEEDS, manifest);
  const stats = await api<{ articles: number }>("corpus.stats");
  expect(stats.articles).toBe(manifest.length);
});

test("ingests the project's example articles and pasted text, with progress", async ({ page }) => {
  const manifest = JSON.parse(readFileSync(join(EXAMPLES, "..", "manifest.json"), "utf8")) as ManifestEntry[];
  const before = (await api<{ articles: number }>("corpus.stats")).articles;
  await ingestThroughForm(page, EXAMPLES, manifest);
  await open(page, "/ingest");
  await page.getByLabel("Outlet").fill("E2E Desk");
  await page.getByLabel("Published (YYYY-MM-DD)").fill("2024-06-20");
  await page
    .getByLabel("Article text")
    .fill(
      "Envoys return to Geneva\n\nNorwegian mediators met a Hamas delegation in Geneva on Monday. Israel rejected the proposal for a truce on Tuesday.",
    );
  await page.getByRole("button", { name: "Ingest", exact: true }).click();
  await expect(page.getByTestId("ingest-progress")).toHaveText("1/1");
  await shoot(page, "10-ingest");
  const after = (await api<{ articles: number }>("corpus.stats")).articles;
  expect(after).toBe(before + manifest.length + 1);
});

const VIEWS: [string, string, string?][] = [
  ["01-overview", "/"],
  ["02-timeline", "/timeline", "figure svg"],
  ["03-actors", "/actors", "canvas"],
  ["04-issues", "/issues", "[data-testid=stance-matrix]"],
  ["05-map", "/map", "[data-testid=map] circle"],
  ["06-claims", "/claims"],
  ["07-sources", "/sources"],
  ["11-review", "/review"],
];

test("every view renders (screenshots at 1280 px and on a tablet)", async ({ page }) => {
  const [event] = await api<{ id: string; articleId: string }[]>("events.list", { type: "MEET", limit: 1 });
  const [anyEvent] = await api<{ id: string; articleId: string }[]>("events.list", { limit: 1 });
  const ev = event ?? anyEvent!;
  const [actor] = await api<{ id: string }[]>("actors.list", { limit: 1 });
  const views: [string, string, string?][] = [
    ...VIEWS,
    [
      "08-article",
      `/articles/${encodeURIComponent(ev.articleId)}?event=${encodeURIComponent(ev.id)}`,
      "mark.ev.active",
    ],
    ["09-event", `/events/${encodeURIComponent(ev.id)}`],
    ["12-actor", `/actors/${encodeURIComponent(actor!.id)}`],
  ];
  for (const [name, path, ready] of views) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, path);
    if (ready) await expect(page.locator(ready).first()).toBeVisible();
    await shoot(page, name);
    await page.setViewportSize({ width: 820, height: 1180 });
    await open(page, path);
    if (ready) await expect(page.locator(ready).first()).toBeVisible();
    // Nothing spills sideways on a tablet (tables and charts scroll inside their own box).
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} is wider than a tablet`).toBeLessThanOrEqual(1);
    await shoot(page, `${name}-tablet`);
  }
});

test("the article reader highlights an event's evidence on click", async ({ page }) => {
  const [ev] = await api<{ id: string; articleId: string; evidence: { text: string } }[]>("events.list", { limit: 1 });
  await open(page, `/articles/${encodeURIComponent(ev!.articleId)}`);
  await expect(page.locator("mark.ev.active")).toHaveCount(0);
  await page.getByRole("button", { pressed: false }).filter({ hasText: /→/ }).first().click();
  await expect(page.locator("mark.ev.active").first()).toBeVisible();
  expect(page.url()).toContain("event=");
});

test("a filter applied in the form is in the URL and gives the API's counts", async ({ page }) => {
  const [first] = await api<{ article: { outlet: string | null } }[]>("events.list", { limit: 1 });
  const outlet = first!.article.outlet!;
  await open(page, "/timeline");
  await page.getByLabel("Outlet").fill(outlet);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/outlet=/);
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  const expected = await api<unknown[]>("events.list", { outlet, limit: 200 });
  await expect(page.getByTestId("event-count")).toHaveText(String(expected.length));
  const all = await api<unknown[]>("events.list", { limit: 200 });
  expect(expected.length).toBeLessThan(all.length);
  await shoot(page, "02-timeline-filtered");

  // The same link opened fresh (shared) shows the same numbers.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByTestId("event-count")).toHaveText(String(expected.length));

  await open(page, `/actors?type=MEET`);
  const actors = await api<{ events: number }[]>("actors.list", { type: "MEET", limit: 500 });
  await expect(page.getByTestId("actor-count")).toHaveText(String(actors.filter((a) => a.events > 0).length));

  await open(page, `/claims?outlet=${encodeURIComponent(outlet)}`);
  const claims = await api<unknown[]>("claims.list", { outlet, limit: 300 });
  await expect(page.getByTestId("claim-count")).toHaveText(String(claims.length));

  await open(page, `/sources`);
  const sources = await api<unknown[]>("model.sources", { limit: 100 });
  await expect(page.getByTestId("outlet-count")).toHaveText(String(sources.length));
});

test("an invalid filter shows the API's message, not a crash", async ({ page }) => {
  await page.goto(`${BASE()}/timeline?from=last-week`);
  await expect(page.locator("main").getByRole("alert").first()).toContainText("from");
});

test("reviewing an event shows in its history and in the exports with a verified flag", async ({ page }) => {
  const events = await api<{ id: string; reviewState: string | null }[]>("events.list", { limit: 50 });
  const target = events.find((e) => !e.reviewState)!;
  await open(page, `/events/${encodeURIComponent(target.id)}`);
  await page.getByLabel("Your name").fill("E2E Analyst");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toContainText("Saved: verify by E2E Analyst");
  await expect(page.getByTestId("review-history")).toContainText("verify");
  await shoot(page, "09-event-reviewed");

  await open(page, "/review?state=verified");
  await expect(page.getByTestId("review-count")).toHaveText("1");
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = readFileSync(await (await csvDownload).path(), "utf8");
  const [header, ...rows] = csv.trim().split("\n");
  const cols = header!.split(",");
  const row = rows.find((r) => r.startsWith(`${target.id},`));
  expect(row, "the reviewed event is in the CSV").toBeDefined();
  expect(row!.split(",")[cols.indexOf("verified")]).toBe("true");

  const exportDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download corpus export" }).click();
  const exported = JSON.parse(readFileSync(await (await exportDownload).path(), "utf8")) as {
    reviews: { eventId: string; action: string; author: string }[];
  };
  expect(exported.reviews).toContainEqual(
    expect.objectContaining({ eventId: target.id, action: "verify", author: "E2E Analyst" }),
  );
  await shoot(page, "11-review-verified");

  // A correction, from the review list.
  await open(page, "/review?status=occurred");
  const item = page.getByTestId("review-item").first();
  const before = await page.getByTestId("review-count").textContent();
  await item.getByRole("button", { name: "Review this event" }).click();
  await item.getByLabel("Your name").fill("E2E Analyst");
  await item.getByRole("button", { name: "Correct…" }).click();
  await item.getByLabel("Status").selectOption("planned");
  await item.getByRole("button", { name: "Save correction" }).click();
  // Saved: the event leaves the unreviewed list and the store has the correction with its author.
  await expect(page.getByTestId("review-count")).toHaveText(String(Number(before) - 1));
  const reviews = await api<{ action: string; changes: unknown }[]>("review.list", { author: "E2E Analyst" });
  expect(reviews.map((r) => r.action)).toEqual(["verify", "correct"]);
  expect(reviews[1]!.changes).toEqual({ status: "planned" });
});

test("keyboard: skip link, sortable headers and the filter form", async ({ page }) => {
  await open(page, "/timeline");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.getByLabel("Actor").focus();
  await page.keyboard.type("Hamas");
  await page.keyboard.press("Enter");
  await page.waitForURL(/actor=Hamas/);
  const header = page.getByRole("columnheader", { name: /Date/ }).getByRole("button");
  await header.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("columnheader", { name: /Date/ })).toHaveAttribute("aria-sort", "ascending");
});

test("off loopback every request needs PARLEY_TOKEN; --server reads with it", async () => {
  const token = "e2e-token-0123456789";
  const dir = tempDataDir();
  const srv = await startServer(dir, { host: "0.0.0.0", token });
  try {
    expect((await fetch(`${srv.url}/`)).status).toBe(401);
    expect((await fetch(`${srv.url}/api/trpc/corpus.stats`)).status).toBe(401);
    const wrong = await fetch(`${srv.url}/api/trpc/corpus.stats`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${srv.url}/api/trpc/corpus.stats`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const basic = Buffer.from(`analyst:${token}`).toString("base64");
    expect((await fetch(`${srv.url}/`, { headers: { authorization: `Basic ${basic}` } })).status).toBe(200);
    expect(srv.log()).not.toContain(token);

    const denied = await runCli(["stats", "--server", srv.url, "--format", "json"], { PARLEY_TOKEN: "" });
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain("401");
    const allowed = await runCli(["stats", "--format", "json"], { PARLEY_SERVER: srv.url, PARLEY_TOKEN: token });
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ articles: 0 });
  } finally {
    await stopServer(srv.child);
  }
});

// Last: stops the shared server so the local command can open the same PGlite directory.
test("`parley events --server URL --format json` prints exactly what the local command prints", async () => {
  const remote = await runCli(["events", "--server", BASE(), "--format", "json"]);
  expect(remote.code, remote.stderr).toBe(0);
  const filtered = await runCli(["events", "--server", BASE(), "--format", "json", "--type", "MEET"]);
  expect(filtered.code, filtered.stderr).toBe(0);
  const remoteExport = await runCli(["export", "--server", BASE(), "--format", "json"]);
  expect(remoteExport.code, remoteExport.stderr).toBe(0);
  const reviewed = await api<{ eventId: string; action: string }[]>("review.list", { author: "E2E Analyst" });
  expect(reviewed.map((r) => r.action)).toEqual(["verify", "correct"]);
  const pid = Number(process.env.PARLEY_E2E_PID);
  process.kill(pid, "SIGTERM");
  const lock = join(process.env.PARLEY_E2E_DATA_DIR!, "parley.lock");
  const { existsSync } = await import("node:fs");
  for (let i = 0; i < 200 && existsSync(lock); i++) await new Promise((r) => setTimeout(r, 100));
  const dataDir = process.env.PARLEY_E2E_DATA_DIR!;
  const local = await runCli(["--data-dir", dataDir, "events", "--format", "json"]);
  expect(local.code, local.stderr).toBe(0);
  expect(remote.stdout).toBe(local.stdout);
  expect(JSON.parse(local.stdout).length).toBeGreaterThan(0);
  const localFiltered = await runCli(["--data-dir", dataDir, "events", "--format", "json", "--type", "MEET"]);
  expect(filtered.stdout).toBe(localFiltered.stdout);
  const localExport = await runCli(["--data-dir", dataDir, "export", "--format", "json"]);
  expect(remoteExport.stdout).toBe(localExport.stdout);

  // Reviews made in the dashboard survive re-analysis and stay in the export with the verified flag.
  const re = await runCli(["--data-dir", dataDir, "reanalyze", "--jobs", "1"]);
  expect(re.code, re.stderr).toBe(0);
  const after = await runCli(["--data-dir", dataDir, "export", "--format", "json"]);
  expect(after.code, after.stderr).toBe(0);
  const exported = (
    JSON.parse(after.stdout) as { events: { id: string; verified: boolean; status: string; reviewState: string }[] }
  ).events;
  const [verified, corrected] = reviewed.map((r) => exported.find((e) => e.id === r.eventId));
  expect(verified).toMatchObject({ verified: true, reviewState: "verified" });
  expect(corrected).toMatchObject({ verified: true, reviewState: "corrected", status: "planned" });
});
