export { type AnalyzeFn, type Analyzer, defaultJobs, defaultWorkerUrl } from "./analysis-pool";
export type { CorpusDigest, TableDigest } from "./backup";
export type { CheckReport, CheckResult } from "./check";
export { CLUSTER_METHOD, type ReclusterSummary, type StoredCluster } from "./clusters";
export {
  type Corpus,
  type CorpusBackup,
  CorpusBackupSchema,
  type CorpusExport,
  CorpusExportSchema,
  type CorpusStatus,
  type ImportSummary,
  type IngestItem,
  IngestItemSchema,
  type IngestOptions,
  type IngestSummary,
  type ItemError,
  type ItemOutcome,
  type OpenCorpusOptions,
  openCorpus,
  type Progress,
  type ReanalyzeOptions,
  type ReanalyzeSummary,
  type RestoreSummary,
} from "./corpus";
export { type DriverKind, redactUrl } from "./db/driver";
export { defaultMigrationsDir } from "./db/migrate";
export { STORE_ERROR_CODES, StoreError, type StoreErrorCode } from "./errors";
export type { EventWithContext } from "./export-stream";
export * from "./filters";
export * from "./inputs";
export { LOCK_FILE } from "./lock";
export * from "./model";
export type { ActorNames, ClaimSeriesView, IssueCount, RolesView, StancesView } from "./model-queries";
export type { EventGroup } from "./queries/event-groups";
export {
  type EnqueueOptions,
  type EnqueueSummary,
  type FailedJob,
  INGEST_QUEUE,
  IngestQueue,
  JOB_STATES,
  type JobState,
  jobIdOf,
  type OpenQueueOptions,
  openQueue,
  type QueueStatus,
} from "./queue/queue";
export { type BatchReport, runWorker, type WorkerOptions, type WorkerSummary } from "./queue/worker";
export type {
  ActorSummary,
  ArticleWithAnalysis,
  CorpusStats,
  ReviewState,
  StoredArticle,
  StoredEvent,
  StoredReview,
} from "./read";
