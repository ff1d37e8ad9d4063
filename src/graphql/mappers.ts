import type { Connection, Row } from '../modules/relay/connection.js';

/** What every connection field resolves to, as the generated resolver types see it. */
export type ConnectionModel = Connection<Row>;
