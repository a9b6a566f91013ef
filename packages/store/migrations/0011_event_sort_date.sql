-- The date events are listed by (`coalesce(date_start, articles.published)`), stored on the event so a listing
-- ordered by it — an actor's latest events, say — walks an index and stops at its LIMIT instead of sorting
-- every matching event.

ALTER TABLE events ADD COLUMN sort_date date;
--> statement-breakpoint
UPDATE events SET sort_date = coalesce(events.date_start, a.published) FROM articles a WHERE a.id = events.article_id;
--> statement-breakpoint
CREATE INDEX events_sort_idx ON events (sort_date, article_id, ord);
