/** npm run data:schema — writes data/schema/*.schema.json from src/data/schema.ts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jsonSchemas, serializeSchema } from './lib/json-schema.ts';

const dir = resolve('data/schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), serializeSchema(schema));
  console.log(`wrote data/schema/${name}`);
}
