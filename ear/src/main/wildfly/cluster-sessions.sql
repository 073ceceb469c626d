-- The sessions table of a cluster's nodes (configure-cluster.cli: the invalidation cache
-- "portal-sessions" with a shared JDBC store on PortalDS), made once before the nodes start:
--   psql postgresql://HOST:PORT/portal -U portal -v ON_ERROR_STOP=1 -f cluster-sessions.sql
-- Infinispan would create it when the web module starts, but two nodes starting at the same
-- moment on an empty database both try (check, then CREATE TABLE / CREATE INDEX: not atomic) and
-- one node's deployment fails ("relation ..._timestamp_index already exists"). Made here first,
-- each node finds it and creates nothing. Names and columns are those Infinispan 16 makes for
-- the deployment account-portal.ear (table prefix "s" + the cache name, dots as underscores).
-- Safe to run twice.
CREATE TABLE IF NOT EXISTS "s_account_portal_ear_web_module_war_META" (data BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS s_account_portal_ear_web_module_war (
    id VARCHAR(255) NOT NULL,
    datum BYTEA NOT NULL,
    version BIGINT NOT NULL,
    segment INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS s_account_portal_ear_web_module_war_timestamp_index ON s_account_portal_ear_web_module_war (version);
CREATE INDEX IF NOT EXISTS s_account_portal_ear_web_module_war_segment_index ON s_account_portal_ear_web_module_war (segment);
