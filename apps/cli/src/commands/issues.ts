import type { IssueCount } from "@parley/store";
import { Command } from "commander";
import type { z } from "zod";
import { readCommand } from "../command-kit";
import { FilterOptionsSchema, OutputOptionsSchema, toFilter } from "../options";
import type { Output } from "../output/format";
import type { Queries } from "../queries";

export const IssuesOptionsSchema = FilterOptionsSchema.extend(OutputOptionsSchema.shape);
export type IssuesOptions = z.infer<typeof IssuesOptionsSchema>;

export function runIssues(q: Queries, o: IssuesOptions): Promise<IssueCount[]> {
  return q.issues(toFilter(o));
}

export function issuesOutput(rows: IssueCount[]): Output<IssueCount> {
  return {
    rows,
    columns: [
      { header: "issue", value: (i) => i.issue },
      { header: "events", value: (i) => i.events },
      { header: "articles", value: (i) => i.articles },
      { header: "outlets", value: (i) => i.outlets },
      { header: "first", value: (i) => i.first },
      { header: "last", value: (i) => i.last },
    ],
  };
}

export const issuesCommand = readCommand(
  new Command("issues")
    .description("Count events, articles and outlets per negotiation issue")
    .addHelpText("after", "\nExample:\n  parley issues --actor Qatar --from 2024"),
  { schema: IssuesOptionsSchema, run: runIssues, output: issuesOutput },
);
