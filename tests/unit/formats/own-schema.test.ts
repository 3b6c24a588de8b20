import { readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, it } from 'vitest';
import { OwnFileStrictSchema } from '@/lib/formats/own-schema';

const PUBLISHED = new URL('../../../schema/tabkeep-v1.schema.json', import.meta.url);

function generated(): string {
  const schema = {
    $schema: '',
    $id: 'https://tabkeep.dev/schema/tabkeep-v1.schema.json',
    title: 'Tabkeep sessions file, version 1',
    ...toJsonSchema(OwnFileStrictSchema, { target: 'draft-07' }),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

describe('the published JSON Schema', () => {
  it('is the one generated from the schema the importer checks files with', () => {
    // `npm run schema` rewrites it after a change to lib/formats/own-schema.ts.
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(PUBLISHED, generated());
    expect(readFileSync(PUBLISHED, 'utf8')).toBe(generated());
  });
});
