// `npm run -s federation:sdl > dishui.graphql`: the subgraph SDL a router or `rover subgraph
// publish --schema` needs, without starting the server or opening a database. It is the same
// text the server answers to `{ _service { sdl } }` with FEDERATION=true.
import { graphqlSync } from 'graphql';
import { federatedSchema } from '../src/modules/federation/index.js';
import { resolvers } from '../src/modules/index.js';
import { typeDefs } from '../src/schema/typeDefs.js';

const result = graphqlSync({ schema: federatedSchema(typeDefs, resolvers), source: '{ _service { sdl } }' });
if (result.errors) throw result.errors[0];
process.stdout.write(`${(result.data as { _service: { sdl: string } })._service.sdl}\n`);
