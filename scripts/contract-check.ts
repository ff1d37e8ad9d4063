// `npm run contract:check [-- --base REV]`: fails when schema.graphql breaks the contract of the
// previous commit (or REV) without recording the change in CHANGELOG.md. See README "Schema changes".
import { parseArgs } from 'node:util';
import { runContractCheck } from '../src/schema/contract/index.js';

const { values } = parseArgs({ options: { base: { type: 'string' } } });
const result = runContractCheck({ cwd: process.cwd(), base: values.base ?? process.env.CONTRACT_BASE ?? 'HEAD^' });
for (const line of result.lines) console.log(line);
process.exitCode = result.status === 'failed' ? 1 : 0;
