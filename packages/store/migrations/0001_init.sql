-- Parley corpus, initial schema. Statements are separated by lines holding only "--> statement-breakpoint"
-- (the same marker drizzle-kit writes), so the migrator can run them one by one on both drivers.

CREATE TABLE outlets (
  name text PRIMARY KEY,
  domain text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE actors (
  id text PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('STATE','GOVERNMENT','PERSON','ARMED_GROUP','POLITICAL','IGO','MEDIA','OTHER')),
  affiliation text,
  aliases jsonb NOT NULL DEFAULT '[]'::jsonb,
  offices jsonb NOT NULL DEFAULT '[]'::jsonb,
  known boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX actors_lower_name_idx ON actors (lower(name));
--> statement-breakpoint
CREATE TABLE articles (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
  title text,
  text text NOT NULL,
  outlet text REFERENCES outlets (name) ON UPDATE CASCADE,
  url text,
  published date,
  language text NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  analyzed_at timestamptz NOT NULL DEFAULT now(),
  extractor_version text NOT NULL,
  source_file text,
  source_line integer,
  dateline jsonb,
  sentences jsonb NOT NULL DEFAULT '[]'::jsonb,
  framing jsonb NOT NULL DEFAULT '{"terms":[],"byActor":{}}'::jsonb,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
--> statement-breakpoint
CREATE INDEX articles_published_idx ON articles (published);
--> statement-breakpoint
CREATE INDEX articles_outlet_idx ON articles (lower(outlet));
--> statement-breakpoint
CREATE INDEX articles_extractor_version_idx ON articles (extractor_version);
--> statement-breakpoint
CREATE INDEX articles_tsv_idx ON articles USING gin (tsv);
--> statement-breakpoint
CREATE TABLE article_actors (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  actor_id text NOT NULL REFERENCES actors (id),
  ord integer NOT NULL,
  PRIMARY KEY (article_id, actor_id)
);
--> statement-breakpoint
CREATE INDEX article_actors_actor_idx ON article_actors (actor_id);
--> statement-breakpoint
CREATE TABLE mentions (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  text text NOT NULL,
  actor_id text NOT NULL REFERENCES actors (id),
  resolved_by text NOT NULL,
  sentence integer NOT NULL,
  PRIMARY KEY (article_id, ord)
);
--> statement-breakpoint
CREATE INDEX mentions_actor_idx ON mentions (actor_id);
--> statement-breakpoint
CREATE TABLE events (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id text NOT NULL,
  ord integer NOT NULL,
  type text NOT NULL CHECK (type IN ('MEET','CALL','TRAVEL','MEDIATE','PROPOSE','COUNTER_PROPOSE','ACCEPT','REJECT','DEMAND','APPEAL','SUSPEND','RESUME','ASSESS','ACCUSE','SUPPORT','THREATEN','AGREE','CEASEFIRE','RELEASE','MILITARY','MOBILIZE','HUMANITARIAN')),
  key_type text NOT NULL,
  status text NOT NULL CHECK (status IN ('occurred','planned','hypothetical','negated')),
  attributed_to text,
  evidence_text text NOT NULL,
  evidence_start integer NOT NULL,
  evidence_end integer NOT NULL,
  trigger text NOT NULL,
  date_value text,
  date_precision text CHECK (date_precision IN ('day','month','year')),
  date_raw text,
  date_start date,
  date_end date,
  location_name text,
  location_place_id text,
  location_lat double precision,
  location_lon double precision,
  confidence double precision NOT NULL,
  extractor_version text NOT NULL,
  review_state text CHECK (review_state IN ('verified','corrected','rejected')),
  original jsonb,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', evidence_text)) STORED,
  PRIMARY KEY (article_id, id),
  CHECK (evidence_end >= evidence_start)
);
--> statement-breakpoint
CREATE INDEX events_id_idx ON events (id);
--> statement-breakpoint
CREATE INDEX events_type_idx ON events (type);
--> statement-breakpoint
CREATE INDEX events_status_idx ON events (status);
--> statement-breakpoint
CREATE INDEX events_date_idx ON events (date_start, date_end);
--> statement-breakpoint
CREATE INDEX events_key_idx ON events (article_id, key_type, evidence_start, evidence_end);
--> statement-breakpoint
CREATE INDEX events_tsv_idx ON events USING gin (tsv);
--> statement-breakpoint
CREATE TABLE event_actors (
  article_id text NOT NULL,
  event_id text NOT NULL,
  actor_id text NOT NULL REFERENCES actors (id),
  role text NOT NULL CHECK (role IN ('source','target','mediator')),
  ord integer NOT NULL,
  PRIMARY KEY (article_id, event_id, role, actor_id),
  FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX event_actors_actor_idx ON event_actors (actor_id, role);
--> statement-breakpoint
CREATE TABLE event_issues (
  article_id text NOT NULL,
  event_id text NOT NULL,
  issue text NOT NULL,
  ord integer NOT NULL,
  PRIMARY KEY (article_id, event_id, issue),
  FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX event_issues_issue_idx ON event_issues (issue text_pattern_ops);
--> statement-breakpoint
CREATE TABLE claims (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id text NOT NULL,
  ord integer NOT NULL,
  kind text NOT NULL,
  value double precision NOT NULL,
  qualifier text NOT NULL,
  subject text,
  location text,
  claimant text,
  as_of text,
  raw text NOT NULL,
  evidence_text text NOT NULL,
  evidence_start integer NOT NULL,
  evidence_end integer NOT NULL,
  PRIMARY KEY (article_id, id)
);
--> statement-breakpoint
CREATE INDEX claims_kind_idx ON claims (kind);
--> statement-breakpoint
CREATE INDEX claims_claimant_idx ON claims (claimant);
--> statement-breakpoint
CREATE TABLE event_clusters (
  id text PRIMARY KEY,
  label text,
  method text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE event_cluster_members (
  cluster_id text NOT NULL REFERENCES event_clusters (id) ON DELETE CASCADE,
  article_id text NOT NULL,
  event_id text NOT NULL,
  PRIMARY KEY (cluster_id, article_id, event_id),
  FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX event_cluster_members_event_idx ON event_cluster_members (article_id, event_id);
--> statement-breakpoint
CREATE TABLE reviews (
  id text PRIMARY KEY,
  event_id text NOT NULL,
  article_id text NOT NULL,
  event_type text NOT NULL,
  evidence_start integer NOT NULL,
  evidence_end integer NOT NULL,
  action text NOT NULL CHECK (action IN ('verify','correct','reject')),
  changes jsonb NOT NULL DEFAULT '{}'::jsonb,
  author text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX reviews_key_idx ON reviews (article_id, event_type, evidence_start, evidence_end);
--> statement-breakpoint
CREATE INDEX reviews_event_idx ON reviews (event_id);
