// The Axis of Resistance and its members: those the gazetteer lists (the coalition's members property) and those stated in articles (MEMBER_OF edges).
// No parameters.
MATCH (c:Actor {id: 'axis-of-resistance'})
OPTIONAL MATCH (stated:Actor)-[:MEMBER_OF]->(c)
WITH c, collect(stated.id) AS stated_ids
UNWIND coalesce(c.members, []) + stated_ids AS member_id
WITH DISTINCT c, member_id
OPTIONAL MATCH (m:Actor {id: member_id})
OPTIONAL MATCH (m)-[e:MEMBER_OF]->(c)
RETURN c.name AS coalition, member_id AS id, m.name AS name, m.kind AS kind,
       member_id IN coalesce(c.members, []) AS listed, coalesce(e.mentions, 0) AS mentions
ORDER BY mentions DESC, id
