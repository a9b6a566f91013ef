import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

// Node 20 cannot run the workspace's TypeScript sources, so the bin inlines them, together with the store's
// pure-JS dependencies (resolved from the store's own node_modules). PGlite (WASM and data files next to its
// module) and pg (optional native binding) stay external: they are dependencies of this package.
const STORE_DIR = "../../packages/store";

export default defineConfig({
  entry: {
    parley: "src/index.ts",
    // The store's analysis worker runs in worker threads: it needs its own file next to parley.js.
    "analysis-worker": `${STORE_DIR}/src/analysis-worker.ts`,
  },
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  splitting: true,
  noExternal: [/^@parley\//, "pg-boss", "drizzle-orm", "tinyglobby", "csv-parse", "linkedom", "@mozilla/readability"],
  external: ["@electric-sql/pglite", "pg"],
  define: { __PARLEY_BUNDLE__: "true" },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __parleyRequire } from 'node:module';\nconst require = __parleyRequire(import.meta.url);",
  },
  loader: { ".json": "json" },
  async onSuccess() {
    // `openCorpus({ migrationsDir })` reads the SQL files at run time.
    cpSync(`${STORE_DIR}/migrations`, "dist/migrations", { recursive: true });
  },
});
