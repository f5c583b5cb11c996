#!/usr/bin/env node
// Lint Cypher with Neo4j's own language-support library (the linter behind
// Neo4j's editors), against graphbuild's graph model.
//
//   node lint.mjs --schema schema.json < queries.json
//
// stdin: [{"name": "...", "query": "...", "parameters": ["actor", ...]}, ...]
// schema.json: {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...],
//               "graphSchema": [{"from": "Actor", "to": "Actor", "relType": "AID"}, ...]}
// stdout: [{"name": "...", "diagnostics": [{"severity", "message", "line", "column"}]}]
// Exit status: 0 clean, 1 some diagnostic, 2 bad input.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

// Neo4j's built-in functions, so a LadybugDB-only function such as label()
// is reported; the package ships them as a snapshot taken from a real server.
async function builtInFunctions() {
  const { testData } = await import(new URL(
    './node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/tests/testData.js',
    import.meta.url,
  ));
  const scoped = {};
  for (const [version, registry] of Object.entries(testData.mockSchema.functions)) {
    scoped[version] = Object.fromEntries(
      Object.entries(registry).filter(([, fn]) => fn.isBuiltIn),
    );
  }
  return scoped;
}

const schemaAt = process.argv.indexOf('--schema');
if (schemaAt < 0 || !process.argv[schemaAt + 1]) fail('usage: node lint.mjs --schema FILE < queries.json');

let model, queries;
try {
  model = JSON.parse(readFileSync(process.argv[schemaAt + 1], 'utf8'));
  queries = JSON.parse(readFileSync(0, 'utf8'));
} catch (error) {
  fail(`cannot read input: ${error.message}`);
}
if (!Array.isArray(queries)) fail('stdin must be a JSON array of {name, query, parameters}');

const functions = await builtInFunctions();
const report = [];
let dirty = false;
for (const { name, query, parameters = [] } of queries) {
  if (typeof query !== 'string') fail(`${name}: query must be a string`);
  const dbSchema = {
    labels: model.labels ?? [],
    relationshipTypes: model.relationshipTypes ?? [],
    propertyKeys: model.propertyKeys ?? [],
    graphSchema: model.graphSchema,
    functions,
    parameters: Object.fromEntries(parameters.map((p) => [p, null])),
  };
  const { diagnostics } = lintCypherQuery(query, dbSchema);
  const found = diagnostics.map((d) => ({
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));
  dirty ||= found.length > 0;
  report.push({ name, diagnostics: found });
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
process.exit(dirty ? 1 : 0);
