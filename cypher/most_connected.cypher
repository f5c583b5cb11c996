// Most connected actors: weighted degree, the mentions summed over every aggregated edge in or out.
// $limit: how many actors, e.g. 10
MATCH (a:Actor)-[r]-(:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, count(r) AS edges,
       sum(r.mentions) AS mentions
ORDER BY mentions DESC, edges DESC, id
LIMIT $limit
