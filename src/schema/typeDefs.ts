import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Path of the API contract, `schema.graphql` at the repository root. */
export const schemaPath = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

/** The SDL of the API contract, read once per process. */
export const typeDefs: string = fs.readFileSync(schemaPath, 'utf8');
