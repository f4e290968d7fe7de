import { describe, expect, it } from 'vitest';
import { dynamoDbLocalArguments, startDynamoDbLocal } from '../../local/dynamo-local.js';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { readFileSync, readlinkSync } from 'node:fs';

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

  it('starts a crashed DynamoDB Local again over the same data and says so', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ddb-crash-'));
    const db = await startDynamoDbLocal({ dataDir });
    const client = new DynamoDBClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    try {
      await client.send(
        new CreateTableCommand({
          TableName: 'kept',
          AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      const restarted = new Promise<void>((resolve) => db.onRestart(resolve));
      // The JVM dies as an out-of-memory kill would take it: no chance to clean up.
      process.kill(javaPidListeningOn(db.port), 'SIGKILL');
      await expect.poll(() => db.state(), { timeout: 10_000 }).not.toBe('up');
      await restarted;

      expect(db.state()).toBe('up');
      expect(db.crashes).toBe(1);
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['kept']);
    } finally {
      client.destroy();
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** The pid of the process listening on `port` (Linux /proc: the socket's inode, then the process holding it). */
function javaPidListeningOn(port: number): number {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && parseInt(fields[1]!.split(':')[1]!, 16) === port) inodes.add(fields[9]!);
    }
  }
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      }
    } catch {
      // a process that ended meanwhile, or one we may not look into
    }
  }
  throw new Error(`no process listens on ${port}`);
}
