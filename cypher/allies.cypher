// Allies of an actor: actors it shares cooperation edges with (positive score), either direction, most mentioned first.
// $actor: actor id, e.g. 'iran'
MATCH (a:Actor {id: $actor})-[r:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|ALLY_OF|MEMBER_OF|LEADS|AFFILIATED_WITH]-(b:Actor)
WHERE r.score > 0 AND b.id <> a.id
RETURN b.id AS id, b.name AS name, b.kind AS kind, sum(r.mentions) AS mentions,
       sum(r.score) AS score, collect(DISTINCT type(r)) AS relations
ORDER BY mentions DESC, score DESC, id
