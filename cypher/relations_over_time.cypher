// Relations between two actors over time: statements per article date, relation and direction; negated ones left out.
// $a: actor id, e.g. 'iran'
// $b: actor id, e.g. 'israel'
// Both actors' ids in a list, so each end starts from an id lookup (matching every
// Statement and filtering on the pair afterwards took seconds at 100k articles).
MATCH (x:Actor)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(y:Actor), (s)-[:`IN`]->(r:Article)
WHERE x.id IN [$a, $b] AND y.id IN [$a, $b] AND (x.id <> y.id OR $a = $b) AND NOT s.negated
RETURN r.published AS published, x.id AS subject, s.relation AS relation, y.id AS object,
       count(s) AS statements, sum(s.score) AS score
ORDER BY published, subject, relation
