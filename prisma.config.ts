// Prisma CLI settings. Only `generate`, `validate` and `format` are used: migrations are applied
// by Dishui's own migrator (src/db/migrator.ts), and the client gets its connection through a
// driver adapter at run time (src/db/client.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
