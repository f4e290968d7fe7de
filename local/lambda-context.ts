import type { Context } from 'aws-lambda';

/**
 * A Lambda context for local invocations (Powertools reads the function name and request id from it).
 *
 * @example
 * await handler(event, localLambdaContext('ingest'));
 */
export function localLambdaContext(functionName: string, timeoutMs = 900_000): Context {
  const started = Date.now();
  const requestId = `local-${started.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '2048',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
