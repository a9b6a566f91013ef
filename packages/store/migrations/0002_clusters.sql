-- Event clusters computed by the cross-article model (core's clusterEvents), persisted per partition
-- ("bucket": event type × year for dated events, type × ISO week of publication for undated ones), so an
-- ingest re-clusters only the partitions it touched. Also: word counts for outlet profiles, and indexes for
-- the corpus views.

ALTER TABLE event_clusters ADD COLUMN bucket text;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN type text;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN date text;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN place_id text;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN actors text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN issues text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN outlets text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN article_count integer NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN outlet_count integer NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN date_min text;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN date_max text;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN date_start date;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN date_end date;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN first_report jsonb;
--> statement-breakpoint
ALTER TABLE event_clusters ADD COLUMN statuses jsonb NOT NULL DEFAULT '{}'::jsonb;
--> statement-breakpoint
CREATE INDEX event_clusters_bucket_idx ON event_clusters (bucket);
--> statement-breakpoint
CREATE INDEX event_clusters_date_idx ON event_clusters (date_start, date_end);
--> statement-breakpoint
CREATE INDEX event_clusters_actors_idx ON event_clusters USING gin (actors);
--> statement-breakpoint
ALTER TABLE articles ADD COLUMN word_count integer NOT NULL DEFAULT 0;
--> statement-breakpoint
UPDATE articles SET word_count = coalesce(array_length(regexp_split_to_array(btrim(text), '\s+'), 1), 0)
  WHERE btrim(text) <> '';
--> statement-breakpoint
CREATE INDEX event_issues_event_idx ON event_issues (article_id, event_id);
--> statement-breakpoint
CREATE INDEX events_article_idx ON events (article_id, ord);
