// s3rver off the main thread: in a worker thread (`parentPort`) or in a child process (`process.send`, forked by
// startS3LocalInChildProcess). OCR inference (onnxruntime-node) runs synchronously for seconds at a time; an S3 server
// on that same thread would stop answering uploads (`intake submit`, the inbox) while a page is read. A child process
// also keeps s3rver's heap and object buffers out of the pipeline process's memory. Plain JavaScript so it starts the
// same under tsx, vitest and plain node.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import S3rver from 's3rver';

const { S3CorsConfiguration } = createRequire(import.meta.url)('s3rver/lib/models/config.js');

const channel = parentPort
  ? {
      settings: workerData,
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', listener),
      close: () => parentPort.close(),
    }
  : {
      settings: JSON.parse(process.env.INTAKE_S3RVER_SETTINGS ?? '{}'),
      send: (message) => process.send?.(message),
      onMessage: (listener) => process.on('message', listener),
      close: () => process.disconnect?.(),
    };
// A child whose parent went away (killed, crashed) does not live on holding the port.
if (!parentPort) process.once('disconnect', () => process.exit(0));

const { port, address, directory, buckets, configs = [] } = channel.settings;
const server = new S3rver({ port, address, directory, silent: true, configureBuckets: buckets.map((name) => ({ name, configs })) });
// As withLocalCorsFallback in s3-local.ts: a bucket without its own CORS configuration answers with the local rule,
// buckets made later through CreateBucket (the embedded stack's) included.
if (configs.length > 0) {
  const fallback = S3CorsConfiguration.validate(String(configs[0]));
  const stored = server.store.getSubresource.bind(server.store);
  server.store.getSubresource = async (bucket, key, type) => (await stored(bucket, key, type)) ?? (type === 'cors' && key === undefined ? fallback : undefined);
}

// s3rver is a Koa app: it emits 'event' with each object notification (S3's JSON shape, structured-clone and JSON safe).
server.on('event', (event) => channel.send({ type: 'event', event }));

channel.onMessage(async (message) => {
  if (message?.type !== 'stop') return;
  await server.close();
  channel.send({ type: 'stopped' });
  channel.close();
});

try {
  await server.run();
  channel.send({ type: 'ready' });
} catch (error) {
  channel.send({ type: 'error', message: String(error?.stack ?? error) });
}
