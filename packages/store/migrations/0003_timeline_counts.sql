-- Summary table for the timeline view: event counts per placement date, status and one dimension (event type,
-- participant, participant's affiliation root, top-level issue), maintained by every write of events (ingest,
-- re-analysis, review) in the same transaction. Its size grows with the distinct (date, status, dimension)
-- combinations, not with the number of events, so a whole-corpus timeline reads a few thousand rows at any
-- corpus size. Rejected events are not counted.

CREATE TABLE timeline_counts (
  -- 'day': `placed` is the placement value itself; 'week' / 'month': day values (and, for 'month', month
  -- values) are replaced by their ISO week / month key, so a whole-corpus weekly or monthly timeline reads
  -- pre-aggregated rows.
  grain text NOT NULL CHECK (grain IN ('day', 'week', 'month')),
  -- The event's own date value (YYYY, YYYY-MM or YYYY-MM-DD), else its article's publication date, else ''.
  placed text NOT NULL,
  status text NOT NULL,
  -- 'type' | 'actor' | 'root' | 'issue'
  dim text NOT NULL,
  value text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (grain, placed, status, dim, value)
);
--> statement-breakpoint
-- Summaries that must be recomputed from the events before use (a new table over an existing corpus, an
-- affiliation change that moves actors to another root).
CREATE TABLE summary_state (
  name text PRIMARY KEY,
  stale boolean NOT NULL
);
--> statement-breakpoint
INSERT INTO summary_state (name, stale) VALUES ('timeline', true);
--> statement-breakpoint
CREATE INDEX events_coarse_date_idx ON events (date_value) WHERE date_precision IN ('month', 'year');
