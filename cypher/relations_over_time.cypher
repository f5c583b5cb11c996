// Relations between two actors over time: statements per article date, relation and direction; negated ones left out.
// $a: actor id, e.g. 'iran'
// $b: actor id, e.g. 'israel'
MATCH (x:Actor)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(y:Actor), (s)-[:`IN`]->(r:Article)
WHERE ((x.id = $a AND y.id = $b) OR (x.id = $b AND y.id = $a)) AND NOT s.negated
RETURN r.published AS published, x.id AS subject, s.relation AS relation, y.id AS object,
       count(s) AS statements, sum(s.score) AS score
ORDER BY published, subject, relation
