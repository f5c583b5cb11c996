// Adversaries of an actor: actors it shares conflict edges with (negative score), either direction, most mentioned first.
// $actor: actor id, e.g. 'israel'
MATCH (a:Actor {id: $actor})-[r:ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT|HOSTILE_TO]-(b:Actor)
WHERE r.score < 0 AND b.id <> a.id
RETURN b.id AS id, b.name AS name, b.kind AS kind, sum(r.mentions) AS mentions,
       sum(r.score) AS score, collect(DISTINCT type(r)) AS relations
ORDER BY mentions DESC, score, id
