// Writes examples/apollo-client/src/possibleTypes.ts from schema.graphql: every interface and union
// with the object types that implement it, in the schema's order, for Apollo Client's
// `possibleTypes` (and urql graphcache's `schema`-less fragment matching). Run
// `npm run possible-types`; `npm run possible-types -- --check` fails when the file is stale.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { possibleTypesSource } from '../src/schema/possibleTypes.js';
import { typeDefs } from '../src/schema/typeDefs.js';

const target = fileURLToPath(new URL('../examples/apollo-client/src/possibleTypes.ts', import.meta.url));
const wanted = possibleTypesSource(typeDefs);
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== wanted) {
    console.error(`${target} is stale: run npm run possible-types`);
    process.exit(1);
  }
  console.log('possibleTypes.ts is current');
} else {
  fs.writeFileSync(target, wanted);
  console.log(`wrote ${target}`);
}
