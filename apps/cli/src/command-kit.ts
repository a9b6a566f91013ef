import type { Command } from "commander";
import type { z } from "zod";
import { type GlobalOptions, globalsOf } from "./context";
import { addFilterOptions, addOutputOptions, type OutputOptions } from "./options";
import { emit, type Output } from "./output/format";
import { type Queries, withQueries } from "./queries";

/** Commander passes the options object, then the command, after the positional arguments. */
export function commandOf(args: unknown[]): Command {
  return args[args.length - 1] as Command;
}

/**
 * Wires a read command: shared filters and output options, options parsed by the command's zod schema,
 * `run` (the plain function tests call) on `Queries`, then `toOutput` printed in the chosen format.
 */
export function readCommand<S extends z.ZodType<OutputOptions>, R, T>(
  cmd: Command,
  spec: {
    schema: S;
    run: (q: Queries, o: z.output<S>) => Promise<R>;
    output: (result: R, o: z.output<S>) => Output<T>;
    filters?: boolean;
    formats?: readonly string[];
  },
): Command {
  if (spec.filters !== false) addFilterOptions(cmd);
  addOutputOptions(cmd, spec.formats);
  return cmd.action(async (...args: unknown[]) => {
    const command = commandOf(args);
    const o = spec.schema.parse(command.opts());
    const g: GlobalOptions = globalsOf(command);
    const result = await withQueries(g, (q) => spec.run(q, o));
    emit(spec.output(result, o), o);
  });
}

export const joinIds = (ids: readonly string[]) => ids.join("; ");
export const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
