/**
 * What every composition root accepts: settings (or the environment to read them from) and, for hosts other than
 * Lambda (the local stack, the CLI, the benches, tests), explicit endpoints. The roots read the environment when
 * nothing is given and never write it.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { createDynamoDbDocumentClient, createPresigningS3Client, createS3Client } from '../../shared/adapters/aws-clients.js';
import { loadParameterFiles } from '../../shared/adapters/parameter-files.js';
import type { ParameterSet } from '../../shared/policy/parameters.js';
import { loadSettings, type Settings } from '../settings.js';

/** Where the AWS services are, when not where the SDK finds them (local servers). */
export interface ServiceEndpoints {
  dynamodb?: string;
  s3?: string;
  /** The local servers' keys (s3rver checks signatures), so a developer's AWS profile is never sent to them. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface RootOptions {
  /** Settings as given; otherwise read from `env`. */
  settings?: Settings;
  /** The environment settings are read from (default `process.env`). Read only. */
  env?: NodeJS.ProcessEnv;
  /** Local endpoints (DynamoDB Local, s3rver); on AWS the SDK's defaults. */
  endpoints?: ServiceEndpoints;
}

/**
 * The settings of a root: the given ones, or the environment's.
 *
 * @example
 * const settings = rootSettings({ env: { INTAKE_TABLE_NAME: 't', INTAKE_BUCKET: 'b' } });
 */
export function rootSettings(options: RootOptions): Settings {
  return options.settings ?? loadSettings(options.env ?? process.env);
}

/**
 * The policy parameters a root judges by: the settings' directory (a Lambda bundle's copy), else the shipped files.
 *
 * @example
 * createPolicyJudge({ enterprises, parameters: rootParameters(settings) });
 */
export function rootParameters(settings: Pick<Settings, 'policyParametersDir'>): ParameterSet {
  return loadParameterFiles(settings.policyParametersDir ? [settings.policyParametersDir] : undefined);
}

/** SDK clients built on first use, one per kind: one connection pool per container. */
export interface LazyClients {
  db(): DynamoDBDocumentClient;
  s3(): S3Client;
  /** S3 for presigning browser uploads (no empty-body checksum in the URL). */
  presigning(): S3Client;
}

/**
 * The document and S3 clients of a root, built when first asked for.
 *
 * @example
 * const clients = lazyClients(settings, { dynamodb: 'http://127.0.0.1:8000' });
 * new DynamoDbDocumentRepository(clients.db(), settings.tableName);
 */
export function lazyClients(settings: Settings, endpoints: ServiceEndpoints = {}): LazyClients {
  let db: DynamoDBDocumentClient | undefined;
  let s3: S3Client | undefined;
  let presigning: S3Client | undefined;
  return {
    db: () => (db ??= createDynamoDbDocumentClient({ region: settings.region, endpoint: endpoints.dynamodb, credentials: endpoints.credentials })),
    s3: () => (s3 ??= createS3Client({ region: settings.region, endpoint: endpoints.s3, credentials: endpoints.credentials })),
    presigning: () => (presigning ??= createPresigningS3Client({ region: settings.region, endpoint: endpoints.s3, credentials: endpoints.credentials })),
  };
}

/**
 * A value built on the first call and kept: what a handler module holds for the life of a warm container.
 *
 * @example
 * const deps = once(() => composeIngest());
 * deps() === deps(); // true
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
