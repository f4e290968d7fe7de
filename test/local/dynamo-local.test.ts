import { describe, expect, it } from 'vitest';
import { dynamoDbLocalArguments, startDynamoDbLocal } from '../../local/dynamo-local.js';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';

/**
 * The local addresses of the sockets listening on `port` (Linux /proc/net/tcp and tcp6; an IPv4-mapped IPv6 address is
 * given as IPv4). Read from the kernel rather than by connecting, so the test sends no traffic off loopback.
 */
function listeningAddresses(port: number): string[] {
  const LISTEN = '0A';
  const found = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [hex, portHex] = local.split(':');
      if (parseInt(portHex!, 16) !== port) continue;
      // Addresses are little-endian 32-bit words; the last word of an IPv6 address holds a mapped IPv4 address.
      const word = hex!.slice(-8);
      const v4 = [6, 4, 2, 0].map((i) => parseInt(word.slice(i, i + 2), 16)).join('.');
      const mapped = hex!.length === 32 && hex!.slice(0, 24) === '0000000000000000FFFF0000';
      found.add(hex!.length === 8 || mapped ? v4 : /^0+$/.test(hex!) ? '::' : hex!);
    }
  }
  return [...found];
}

describe('DynamoDB Local command line', () => {
  it('runs one shared database with telemetry off, in memory when no data folder is given', () => {
    const args = dynamoDbLocalArguments('/opt/ddb', 8123);
    expect(args).toEqual(expect.arrayContaining(['-sharedDb', '-disableTelemetry', '-inMemory']));
    expect(args.slice(args.indexOf('-port'), args.indexOf('-port') + 2)).toEqual(['-port', '8123']);
    expect(args[args.indexOf('-cp') + 1]).toContain('/opt/ddb/DynamoDBLocal.jar');
  });

  it('binds to 127.0.0.1 unless another address is given', () => {
    const launcher = (args: string[]) => args.findIndex((arg) => arg.endsWith('LoopbackDynamoDbLocal.java'));
    const local = dynamoDbLocalArguments('/opt/ddb', 8123);
    expect(local[launcher(local) + 1]).toBe('127.0.0.1');
    const lan = dynamoDbLocalArguments('/opt/ddb', 8123, undefined, '0.0.0.0');
    expect(lan[launcher(lan) + 1]).toBe('0.0.0.0');
  });

  it('keeps the data under the given folder instead of in memory', () => {
    const args = dynamoDbLocalArguments('/opt/ddb', 8123, '/var/data/dynamodb');
    expect(args).not.toContain('-inMemory');
    expect(args.slice(args.indexOf('-dbPath'), args.indexOf('-dbPath') + 2)).toEqual(['-dbPath', '/var/data/dynamodb']);
  });

  it('starts the jar from the npm package with its data on disk, answers requests and stops', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ddb-local-'));
    const db = await startDynamoDbLocal({ dataDir });
    try {
      const client = new DynamoDBClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      client.destroy();
      // -sharedDb: one database file whatever the credentials and region.
      expect(readdirSync(dataDir)).toContain('shared-local-instance.db');
      // Listening on loopback only: the kernel's table of listening sockets shows the port bound to 127.0.0.1.
      expect(listeningAddresses(db.port)).toEqual(['127.0.0.1']);
    } finally {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
