/**
 * How command-line tools find the running embedded stack: the environment first (so they also work against any
 * S3/DynamoDB the SDK can reach), else the `endpoints.json` that `npm start` writes into its data folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const stackEndpointsSchema = z.object({
  dynamodb: z.string().optional(),
  s3: z.string().optional(),
  http: z.string().optional(),
  bucket: z.string(),
  tableName: z.string(),
  region: z.string().default('us-east-1'),
  inbox: z.string().optional(),
});
export type ResolvedStackEndpoints = z.infer<typeof stackEndpointsSchema>;

/** No running stack could be found. */
export class StackNotFoundError extends Error {
  constructor(readonly endpointsFile: string) {
    super(
      `no running intake stack: set AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_DYNAMODB, INTAKE_BUCKET and INTAKE_TABLE_NAME, or start one with \`npm start\` (it writes ${endpointsFile})`,
    );
    this.name = 'StackNotFoundError';
  }
}

/**
 * Resolves where the stack is. `INTAKE_BUCKET` + `INTAKE_TABLE_NAME` in the environment win (endpoints then come
 * from `AWS_ENDPOINT_URL_*`, or the SDK's defaults on AWS); otherwise `<INTAKE_DATA_DIR or .data>/endpoints.json`.
 *
 * @example
 * const where = resolveStackEndpoints();
 * const s3 = createS3Client({ endpoint: where.s3, region: where.region });
 */
export function resolveStackEndpoints(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ResolvedStackEndpoints {
  if (env.INTAKE_BUCKET && env.INTAKE_TABLE_NAME) {
    return stackEndpointsSchema.parse({
      s3: env.AWS_ENDPOINT_URL_S3,
      dynamodb: env.AWS_ENDPOINT_URL_DYNAMODB,
      bucket: env.INTAKE_BUCKET,
      tableName: env.INTAKE_TABLE_NAME,
      region: env.AWS_REGION ?? 'us-east-1',
    });
  }
  const file = path.resolve(cwd, env.INTAKE_DATA_DIR ?? '.data', 'endpoints.json');
  if (!existsSync(file)) throw new StackNotFoundError(file);
  return stackEndpointsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
