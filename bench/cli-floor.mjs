// The floor of the `cli-validate-xl` scenario (docs/performance.md): what bare Node does with the
// same file and nothing else. Start, read it, JSON.parse it, walk every component and connection
// (an id index, both ends of each connection looked up), print one line. `wfm-topology validate`
// does all of this and more; its time is reported as a multiple of this one.
// `node bench/cli-floor.mjs FILE`
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/cli-floor.mjs FILE\n');
  process.exit(2);
}
const document = JSON.parse(readFileSync(file, 'utf8'));
const kinds = new Map();
for (const component of document.components) kinds.set(component.id, component.kind);
let dangling = 0;
for (const connection of document.connections) {
  if (!kinds.has(connection.from) || !kinds.has(connection.to)) dangling += 1;
}
process.stdout.write(
  `${file}: ${kinds.size} components, ${document.connections.length} connections, ${dangling} dangling\n`,
);
