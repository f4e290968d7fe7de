import { describeCaseRepositoryContract } from '../support/fakes/case-repository-contract.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { createTestTable } from '../support/local-aws.js';

describeCaseRepositoryContract('DynamoDbCaseRepository', async () => {
  const table = await createTestTable();
  return {
    repository: new DynamoDbCaseRepository(table.db, table.tableName),
    documents: new DynamoDbDocumentRepository(table.db, table.tableName),
    dispose: () => table.drop(),
  };
});
