import { z } from "zod";
import { ActorSchema, MentionSchema } from "./actor";
import { AnalysisSchema } from "./analysis";
import { ArticleInputSchema, ArticleSchema } from "./article";
import { ClaimSchema } from "./claim";
import { EventSchema } from "./event";
import { ExtractOutputSchema } from "./extract-output";
import { IssueSchema } from "./issue";
import { KnowledgeFileSchema } from "./knowledge";

/** Every public schema by name, for the JSON Schema export. */
export const PUBLIC_SCHEMAS = {
  Article: ArticleSchema,
  ArticleInput: ArticleInputSchema,
  Actor: ActorSchema,
  Mention: MentionSchema,
  Event: EventSchema,
  Claim: ClaimSchema,
  Issue: IssueSchema,
  Analysis: AnalysisSchema,
  ExtractOutput: ExtractOutputSchema,
  KnowledgeFile: KnowledgeFileSchema,
} as const;

/** One JSON Schema document with every public schema under `$defs`. */
export function parleyJsonSchema(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(PUBLIC_SCHEMAS)) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<
      string,
      unknown
    >;
    defs[name] = rest;
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://parley.dev/schema/parley.schema.json",
    title: "Parley",
    description: "Structured, evidence-linked event data from news on ceasefire and peace negotiations",
    $defs: defs,
  };
}
