// Neo4j schema: uniqueness constraints on the node keys, indexes for lookups by name and kind.
// Run by Neo4jStore.ensure_schema(), one statement at a time (LadybugDB's DDL lives in graphbuild/store/ladybug.py).
// No parameters.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (r:Article) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (s:Statement) REQUIRE s.id IS UNIQUE;
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
