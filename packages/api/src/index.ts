import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { QueryCache } from "./cache";
export { INTERNAL_MESSAGE, toTRPCError } from "./errors";
export {
  IngestFilesSchema,
  IngestMetaSchema,
  IngestTextSchema,
  UploadedFileSchema,
  uploadProblem,
} from "./ingest";
export { MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS, uploadRefusal } from "./limits";
export { type AppRouter, appRouter } from "./root";
export { type Context, createCallerFactory, createTRPCContext, type ParleyHost } from "./trpc";

/** Inputs and outputs of every procedure, for typing UI props and the remote CLI. */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
