import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { toStoreError } from './dynamodb-errors.js';

type Item = Record<string, NativeAttributeValue>;

/**
 * Drains a lib-dynamodb paginator (`paginateQuery` / `paginateScan`) into mapped items, turning SDK failures into
 * the adapters' store errors named after `operation`.
 *
 * @example
 * const cases = await collectPages('query cases', paginateQuery({ client }, input), caseFromItem);
 */
export async function collectPages<T>(operation: string, pages: AsyncIterable<{ Items?: Item[] }>, map: (item: Item) => T): Promise<T[]> {
  const results: T[] = [];
  try {
    for await (const page of pages) for (const item of page.Items ?? []) results.push(map(item));
  } catch (error) {
    throw toStoreError(error, operation);
  }
  return results;
}
