import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Corpus, openCorpus } from "@parley/store";
import { inject } from "vitest";
import { appRouter, createCallerFactory, createTRPCContext } from "../src";

/** Short articles written for these tests. */
export const ARTICLES = {
  lakeside: {
    name: "lakeside-talks.txt",
    outlet: "Test Wire",
    published: "2024-05-02",
    content: `Envoys meet in Geneva as pressure builds for a truce

GENEVA (Test Wire) — Norwegian mediators held talks with a Hamas delegation in Geneva on Tuesday, a Norwegian official said.

Israel rejected a proposal for a permanent ceasefire on Wednesday and said the fighting would continue.

Qatar urged both sides to return to the table.
`,
  },
  exchange: {
    name: "exchange.txt",
    outlet: "Test Herald",
    published: "2024-05-10",
    content: `Prisoner exchange planned after weeks of talks

CAIRO (Test Herald) — Egypt proposed a prisoner exchange between Israel and Hamas, officials said on Friday.

Hamas demanded the withdrawal of Israeli troops from Gaza before any deal.

Israel and Hamas are expected to meet in Cairo next week, an Egyptian official said.
`,
  },
};

export const PASTED = `Ceasefire holds in the north

The United States welcomed the ceasefire announced on Monday and said humanitarian aid would reach 40,000 people.
`;

export interface TestApi {
  corpus: Corpus;
  caller: ReturnType<typeof appRouter.createCaller>;
  cleanup(): Promise<void>;
}

export async function openTestApi(): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), "parley-api-"));
  const template = inject("apiPgliteTemplate");
  if (template) cpSync(template, dir, { recursive: true });
  const corpus = await openCorpus({ dataDir: dir });
  const caller = createCallerFactory(appRouter)(createTRPCContext({ corpus }));
  return {
    corpus,
    caller,
    async cleanup() {
      await corpus.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
