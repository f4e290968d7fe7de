// s3rver in a worker thread. OCR inference (onnxruntime-node) runs synchronously on the main thread for seconds at a
// time; an S3 server on that same thread would stop answering uploads (`intake submit`, the inbox) while a page is
// read. Plain JavaScript so the worker starts the same under tsx, vitest and plain node.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import S3rver from 's3rver';

const { S3CorsConfiguration } = createRequire(import.meta.url)('s3rver/lib/models/config.js');

const { port, address, directory, buckets, configs = [] } = workerData;
const server = new S3rver({ port, address, directory, silent: true, configureBuckets: buckets.map((name) => ({ name, configs })) });
// As withLocalCorsFallback in s3-local.ts: a bucket without its own CORS configuration answers with the local rule,
// buckets made later through CreateBucket (the embedded stack's) included.
if (configs.length > 0) {
  const fallback = S3CorsConfiguration.validate(String(configs[0]));
  const stored = server.store.getSubresource.bind(server.store);
  server.store.getSubresource = async (bucket, key, type) => (await stored(bucket, key, type)) ?? (type === 'cors' && key === undefined ? fallback : undefined);
}

// s3rver is a Koa app: it emits 'event' with each object notification (S3's JSON shape, structured-clone safe).
server.on('event', (event) => parentPort.postMessage({ type: 'event', event }));

parentPort.on('message', async (message) => {
  if (message?.type !== 'stop') return;
  await server.close();
  parentPort.postMessage({ type: 'stopped' });
  parentPort.close();
});

try {
  await server.run();
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
}
