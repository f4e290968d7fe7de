import { describeCaseRepositoryContract } from './case-repository-contract.js';
import { describeDocumentRepositoryContract } from './document-repository-contract.js';
import { InMemoryCaseRepository } from './in-memory-case-repository.js';
import { InMemoryDocumentRepository } from './in-memory-document-repository.js';

// The fakes pass the same contract suites as the DynamoDB adapters (test/adapters/), so domain tests can trust them.
describeCaseRepositoryContract('InMemoryCaseRepository', async () => {
  const documents = new InMemoryDocumentRepository();
  return { repository: new InMemoryCaseRepository({ documents }), documents, dispose: async () => undefined };
});
describeDocumentRepositoryContract('InMemoryDocumentRepository', async () => ({
  repository: new InMemoryDocumentRepository(),
  dispose: async () => undefined,
}));
