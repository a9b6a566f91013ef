-- Summary table for the roles view (core's `actorRoles`): per event that is not rejected, only what roles read —
-- type, status, the MEET's place (hosting) and its actor links as sorted distinct `role:actor` strings (raw ids,
-- rolled up at query time). Maintained with the events (ingest, re-analysis, review) in the same transaction.
-- The view groups these narrow rows by (type, place, links) in SQL — a few thousand groups at 10,000 articles —
-- instead of loading every event with its links.

CREATE TABLE role_facts (
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
INSERT INTO summary_state (name, stale) VALUES ('roles', true);
