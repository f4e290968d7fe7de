import { z } from 'zod';
import { factsSchema } from './facts.js';

/**
 * The facts schema as JSON Schema (the input form: defaults optional), as committed in `docs/facts.schema.json`.
 *
 * @example
 * writeFileSync('docs/facts.schema.json', factsJsonSchemaText());
 */
export function factsJsonSchemaText(): string {
  const schema = z.toJSONSchema(factsSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    $id: 'https://xihu.example/skill-subsidy-intake/facts.schema.json',
    title: 'Claim facts (西人社〔2020〕36号)',
    description: 'Generated from shared/policy/facts.ts by `npm run intake -- rules schema --write`. Do not edit by hand.',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
