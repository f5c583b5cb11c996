// Most connected actors: weighted degree, the mentions summed over every aggregated edge in or out.
// $limit: how many actors, e.g. 10
// Every edge is read (there is no stored degree), so the per-edge rows carry only the
// actor id, and names are fetched for the top $limit actors alone.
MATCH (a:Actor)-[r:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT|ALLY_OF|MEMBER_OF|LEADS|AFFILIATED_WITH|HOSTILE_TO]-(:Actor)
WITH a.id AS actor_id, count(r) AS edges, sum(r.mentions) AS mentions
ORDER BY mentions DESC, edges DESC, actor_id
LIMIT $limit
MATCH (top:Actor {id: actor_id})
RETURN actor_id AS id, top.name AS name, top.kind AS kind, edges, mentions
ORDER BY mentions DESC, edges DESC, id
