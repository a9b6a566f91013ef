import { defineConfig } from "tsup";

// Node 20 cannot run the workspace's TypeScript sources, so the bin inlines them.
export default defineConfig({
  entry: { parley: "src/index.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  noExternal: [/^@parley\//],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __parleyRequire } from 'node:module';\nconst require = __parleyRequire(import.meta.url);",
  },
  loader: { ".json": "json" },
});
