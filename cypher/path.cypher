// Shortest chain of actor relations between two actors, up to 4 hops in any direction (Neo4j; LadybugDB: path.ladybug.cypher).
// $a: actor id, e.g. 'iran'
// $b: actor id, e.g. 'israel'
MATCH p = shortestPath((a:Actor {id: $a})-[:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT|ALLY_OF|MEMBER_OF|LEADS|AFFILIATED_WITH|HOSTILE_TO*1..4]-(b:Actor {id: $b}))
RETURN length(p) AS hops, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names,
       [r IN relationships(p) | type(r)] AS relations
