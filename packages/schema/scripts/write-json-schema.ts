// Writes dist/parley.schema.json at build time so non-TypeScript consumers can validate Parley's output.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parleyJsonSchema } from "../src/json-schema";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "parley.schema.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(parleyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
