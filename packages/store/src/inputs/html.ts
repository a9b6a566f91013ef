import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { DocMeta, InputResult } from "./types";
import { fail, normalizeDate, normalizeUrl } from "./types";

export interface HtmlMeta {
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
}

type Doc = ReturnType<typeof parseHTML>["document"];

function metaContent(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = el?.getAttribute("content")?.trim();
    if (v) return v;
  }
  return null;
}

/** `datePublished` from JSON-LD blocks, including `@graph` arrays. */
function jsonLdPublished(doc: Doc): string | null {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? "");
    } catch {
      continue;
    }
    const stack = [data];
    while (stack.length) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === "object") {
        const o = node as Record<string, unknown>;
        if (typeof o.datePublished === "string") return o.datePublished;
        if (o["@graph"]) stack.push(o["@graph"]);
      }
    }
  }
  return null;
}

export function htmlMeta(doc: Doc): HtmlMeta {
  const published =
    metaContent(doc, "article:published_time", "og:published_time", "datePublished", "pubdate", "date") ??
    jsonLdPublished(doc) ??
    doc.querySelector("time[datetime]")?.getAttribute("datetime") ??
    null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? metaContent(doc, "og:url");
  return {
    title: metaContent(doc, "og:title") ?? (doc.querySelector("title")?.textContent?.trim() || null),
    published: normalizeDate(published),
    outlet: metaContent(doc, "og:site_name", "application-name"),
    url: normalizeUrl(canonical),
    language: doc.documentElement?.getAttribute("lang")?.trim() || null,
  };
}

/** Paragraph-preserving text of Readability's article content. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = document.querySelectorAll("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption");
  const parts: string[] = [];
  for (const b of blocks) {
    // Only leaf blocks: a <li> holding <p>s is covered by its paragraphs.
    if (b.querySelector("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre")) continue;
    const t = (b.textContent ?? "").replace(/\s+/g, " ").trim();
    if (t) parts.push(t);
  }
  if (parts.length > 0) return parts.join("\n\n");
  return (document.body?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** An HTML page: Readability's article text, headline first, plus the page's metadata. */
export function parseHtml(html: string, file: string, meta: DocMeta = {}): InputResult {
  if (html.trim() === "") return fail(file, "empty file");
  let doc: Doc;
  try {
    doc = parseHTML(html).document;
  } catch (err) {
    return fail(file, `unreadable HTML: ${(err as Error).message}`);
  }
  const found = htmlMeta(doc);
  let article: ReturnType<Readability<string>["parse"]> = null;
  try {
    // Readability mutates the document; metadata is read first.
    article = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 100,
    }).parse();
  } catch {
    article = null;
  }
  const body = article?.content
    ? blockText(article.content)
    : (doc.body?.textContent ?? "").replace(/\s+/g, " ").trim();
  if (body.trim() === "") return fail(file, "no article text found in the HTML");
  const title = meta.title ?? article?.title?.trim() ?? found.title;
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return {
    ok: true,
    item: {
      text,
      title: title || null,
      outlet: meta.outlet ?? found.outlet ?? article?.siteName ?? null,
      published: meta.published ?? found.published ?? normalizeDate(article?.publishedTime ?? null),
      url: meta.url ?? found.url,
      language: meta.language ?? found.language ?? article?.lang ?? null,
      file,
    },
  };
}
