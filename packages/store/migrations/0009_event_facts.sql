-- Summary table of per-event facts for the roles and sources views: per event that is not rejected, its type,
-- status, the MEET's place (hosting), attribution and actor links as sorted distinct `role:actor` strings (raw ids,
-- rolled up at query time) — one narrow row instead of an event joined to its links. Maintained with the events
-- (ingest, re-analysis, review) in the same transaction. Roles group these rows by (type, place, links) — a few
-- thousand groups at 10,000 articles — and outlet profiles count actors from them.

CREATE TABLE event_facts (
  article_id text NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  status text NOT NULL,
  -- location_place_id of a MEET, else NULL
  place text,
  links text[] NOT NULL,
  attributed_to text,
  PRIMARY KEY (article_id, event_id),
  FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
INSERT INTO summary_state (name, stale) VALUES ('event_facts', true);
