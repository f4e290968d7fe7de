/**
 * The intake table's shape as data: one table (single-table design), its keys, its global secondary indexes and its
 * TTL attribute. `local/bootstrap.ts` creates the table from it and the CDK stack declares it from it, so the two
 * cannot drift. The access patterns are written down in docs/data-model.md.
 *
 * Attribute types use DynamoDB's letters ('S'), which are also the values of CDK's `AttributeType` and
 * `ProjectionType` members.
 */
/**
 * What a case list row shows (`GET /api/cases?status=…`): the case without its documents. The status index projects
 * these attributes, and the lists that still read the cases behind an index (search, my cases) read only these.
 */
export const caseListAttributes = [
  'caseId',
  'submissionId',
  'queue',
  'status',
  'applicant',
  'personName',
  'decision',
  'openFindingCodes',
  'flaggedFieldCount',
  'lease',
  'confirmedBy',
  'approvedBy',
  'approvedAt',
  'rejection',
  'institutionId',
  'batchId',
  'version',
  'createdAt',
  'updatedAt',
] as const;

/**
 * What the queue index carries (`queue-index`, INCLUDE): the list row and the case's search keys — what a claim reads to
 * choose a case and write the claim (it rewrites the row into each search-key item), and what the queue page shows.
 * Not the documents: DynamoDB Local reads an index entry whole whatever the projection, and a case item with its
 * documents is 10–60 KB, so a claim's 12-entry page cost ~8× what the rows alone cost (docs/data-model.md, Claiming).
 */
export const queueIndexAttributes = [...caseListAttributes, 'findKeys'] as const;

export const tableDesign = {
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  /**
   * Epoch seconds. Lease items carry it so forgotten leases disappear by themselves; closed cases and their search
   * keys carry it when a retention period is set (`INTAKE_CLOSED_CASE_RETENTION_DAYS`).
   */
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    {
      /**
       * Cases waiting in a review queue, oldest first, then those under a lease by expiry. Sparse: the keys are removed
       * when a case leaves the queue. It carries `queueIndexAttributes` (the row, not the documents).
       */
      indexName: 'queue-index',
      partitionKey: { name: 'GSI1PK', type: 'S' },
      sortKey: { name: 'GSI1SK', type: 'S' },
      projection: 'INCLUDE',
      nonKeyAttributes: queueIndexAttributes,
    },
    {
      /** Documents and cases of a submission. */
      indexName: 'submission-index',
      partitionKey: { name: 'GSI2PK', type: 'S' },
      sortKey: { name: 'GSI2SK', type: 'S' },
      projection: 'ALL',
    },
    {
      /** Look-ups by a value: cases of a person (keyed ID number), documents by sha256, enterprises by name. */
      indexName: 'lookup-index',
      partitionKey: { name: 'GSI3PK', type: 'S' },
      sortKey: { name: 'GSI3SK', type: 'S' },
      projection: 'ALL',
    },
    {
      /**
       * Cases by list state (the page's tabs), newest first: `STATE#<state>` / `<createdAt>#<caseId>`. It carries what a
       * list row shows (`caseListAttributes`, not the documents), so a page of 50 is one Query with no read of the cases
       * behind it. An entry is ~0.5–2 KB and is rewritten with every case write (version, updatedAt change each time).
       */
      indexName: 'status-index',
      partitionKey: { name: 'GSI4PK', type: 'S' },
      sortKey: { name: 'GSI4SK', type: 'S' },
      projection: 'INCLUDE',
      nonKeyAttributes: caseListAttributes,
    },
  ],
} as const;

export type TableDesign = typeof tableDesign;
export type IndexName = (typeof tableDesign.globalSecondaryIndexes)[number]['indexName'];

/** Index names as constants, so adapters do not spell them. */
export const indexNames = {
  queue: 'queue-index',
  submission: 'submission-index',
  lookup: 'lookup-index',
  status: 'status-index',
} as const satisfies Record<string, IndexName>;

/**
 * The CreateTable request for the design (on-demand billing), as DynamoDB's API takes it.
 *
 * @example
 * await dynamodb.send(new CreateTableCommand(createTableInput('intake')));
 */
export function createTableInput(tableName: string) {
  const { partitionKey, sortKey, globalSecondaryIndexes } = tableDesign;
  const keyNames = new Set<string>([partitionKey.name, sortKey.name]);
  for (const index of globalSecondaryIndexes) {
    keyNames.add(index.partitionKey.name);
    keyNames.add(index.sortKey.name);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...keyNames].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: sortKey.name, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
      ],
      Projection: projectionOf(index),
    })),
  };
}

/**
 * An index's Projection as DynamoDB's API takes it (CreateTable, UpdateTable's Create).
 *
 * @example
 * projectionOf(tableDesign.globalSecondaryIndexes[3]); // { ProjectionType: 'INCLUDE', NonKeyAttributes: ['caseId', …] }
 */
export function projectionOf(index: TableDesign['globalSecondaryIndexes'][number]) {
  return 'nonKeyAttributes' in index
    ? { ProjectionType: index.projection, NonKeyAttributes: [...index.nonKeyAttributes] }
    : { ProjectionType: index.projection };
}
