// Evidence for what one actor did to another: each statement with its sentence and article, newest first.
// $subject: actor id of the one acting, e.g. 'iran'
// $object: actor id of the one acted on, e.g. 'hezbollah'
MATCH (s:Statement)-[:SUBJECT]->(:Actor {id: $subject}),
      (s)-[:OBJECT]->(:Actor {id: $object}),
      (s)-[:`IN`]->(r:Article)
RETURN s.relation AS relation, s.predicate AS predicate, s.sentence AS sentence,
       s.negated AS negated, s.hedged AS hedged, r.title AS title,
       r.published AS published, r.url AS url
ORDER BY coalesce(published, '') DESC, relation, sentence
