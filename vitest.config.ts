import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/eval/generated/**'],
    // Integration suites share one DynamoDB Local and one S3 server started here (ports picked at run time).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: OCR and the JVM compete, so keep file-level parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
