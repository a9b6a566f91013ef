/**
 * Writes analyst reviews one after another until killed (the crash-mid-review test), printing each review's id
 * once `corpus.review` has returned, i.e. once it is committed.
 *
 *   node --import tsx write-reviews.ts '{"dataDir":"/tmp/x"}' | '{"databaseUrl":"postgres://…","schema":"s"}'
 */
import { openCorpus } from "@parley/store";

const target = JSON.parse(process.argv[2] ?? "{}") as { dataDir?: string; databaseUrl?: string; schema?: string };
const corpus = await openCorpus(target);
const events = await corpus.events({ limit: 500, includeRejected: true });
const actions = ["verify", "correct", "reject"] as const;
for (let i = 0; ; i++) {
  const e = events[i % events.length]!;
  const action = actions[i % 3]!;
  const r = await corpus.review(e.id, {
    action,
    author: `analyst-${i % 4}`,
    articleId: e.articleId,
    note: `review ${i}`,
    ...(action === "correct" ? { changes: { confidence: ((i % 9) + 1) / 10, status: "planned" as const } } : {}),
  });
  process.stdout.write(`${r.id}\n`);
}
