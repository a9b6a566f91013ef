-- Summary table for the stance views: one row per stance an occurred event expresses (core's `stanceRecords`:
-- holder = source, for AGREE also target; one row per distinct issue), with raw actor ids (rolled up to
-- affiliation roots at query time). Maintained with the events: rows go with their event (cascade), a review
-- rewrites its event's rows. The stance matrix is then a window over these narrow rows, not a scan of events.

CREATE TABLE stance_records (
  article_id text NOT NULL,
  event_id text NOT NULL,
  holder text NOT NULL,
  issue text NOT NULL,
  stance text NOT NULL,
  event_type text NOT NULL,
  date text,
  published text,
  -- core's compareStances key: the event date (a month as YYYY-MM-00), else the publication date
  sort_when text,
  targets text[] NOT NULL,
  PRIMARY KEY (article_id, event_id, holder, issue),
  FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX stance_records_holder_issue_idx ON stance_records (holder, issue);
--> statement-breakpoint
INSERT INTO summary_state (name, stale) VALUES ('stances', true);
