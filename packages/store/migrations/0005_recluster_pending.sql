-- Partitions whose clusters are out of date. A write inserts the partitions it touches in the same transaction as
-- the articles, and re-clustering removes them in the transaction that replaces their clusters, so a process killed
-- between the two leaves the work recorded here and the next ingest, re-analysis or import finishes it.
-- No key: concurrent writers never wait on each other's rows.

CREATE TABLE recluster_pending (
  bucket text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now()
);
