import type { Connection, Row } from '../engine/connection.js';

/** What every connection field resolves to, as the generated resolver types see it. */
export type ConnectionModel = Connection<Row>;
