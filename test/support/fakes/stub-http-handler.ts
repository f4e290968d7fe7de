import { Readable } from 'node:stream';

/** One canned HTTP response. */
export interface CannedResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/**
 * A request handler for AWS SDK clients that answers from a script instead of the network, so the SDK's own retry
 * middleware runs for real (aws-sdk-client-mock replaces `send` and bypasses it). The last response repeats.
 *
 * @example
 * const handler = new StubHttpHandler([{ statusCode: 503 }, { statusCode: 200, body: 'ok' }]);
 * const s3 = new S3Client({ requestHandler: handler, ... });
 */
export class StubHttpHandler {
  requests = 0;

  constructor(private readonly script: CannedResponse[]) {}

  async handle(_request: unknown): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Readable } }> {
    const canned = this.script[Math.min(this.requests, this.script.length - 1)]!;
    this.requests++;
    const body = canned.body === undefined ? Buffer.alloc(0) : Buffer.from(canned.body);
    return {
      response: {
        statusCode: canned.statusCode,
        headers: { 'content-length': String(body.byteLength), ...canned.headers },
        body: Readable.from([body]),
      },
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
