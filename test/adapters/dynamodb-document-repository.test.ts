import { describeDocumentRepositoryContract } from '../support/fakes/document-repository-contract.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { createTestTable } from '../support/local-aws.js';

describeDocumentRepositoryContract('DynamoDbDocumentRepository', async () => {
  const table = await createTestTable();
  return { repository: new DynamoDbDocumentRepository(table.db, table.tableName), dispose: () => table.drop() };
});
