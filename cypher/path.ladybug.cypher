// Shortest chain of actor relations between two actors, up to 4 hops in any direction (LadybugDB; Neo4j: path.cypher).
// $a: actor id, e.g. 'iran'
// $b: actor id, e.g. 'israel'
MATCH p = (a:Actor {id: $a})-[:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT|ALLY_OF|MEMBER_OF|LEADS|AFFILIATED_WITH|HOSTILE_TO* SHORTEST 1..4]-(b:Actor {id: $b})
RETURN length(p) AS hops, properties(nodes(p), 'id') AS ids,
       properties(nodes(p), 'name') AS names, properties(rels(p), '_label') AS relations
