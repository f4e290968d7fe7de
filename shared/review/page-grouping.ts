/**
 * The clerk's grouping of one file's pages into documents (调整分页), checked against the file before anything is read
 * again: every page in a document; a page in two documents only when it holds two (pair25's shared page, a certificate
 * photographed beside an ID card), each document then reading its own part of it, the parts apart and on the page.
 * Errors are worded for the clerk (Chinese) with a stable code.
 */
import type { DocumentTypeName } from '../documents/document-type.js';
import type { PageRegion } from '../documents/extracted-document.js';
import type { Box } from '../documents/extracted-field.js';
import { overlapShare, regionOn, type DocumentPages } from '../documents/page-regions.js';
import type { RegroupPagesRequest } from './api-schemas.js';
import { UnprocessableError } from './errors.js';

/** One document as the clerk grouped it, with the part of each page it shares (the parts read before kept when unnamed). */
export interface CheckedGroup {
  pages: number[];
  type?: DocumentTypeName;
  regions?: PageRegion[];
}

/** Two parts of one page may touch along their cut, not cover each other: more than this share of the smaller is refused. */
const MAX_PARTS_OVERLAP = 0.1;

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const byPage = (regions: readonly PageRegion[] | undefined) => [...(regions ?? [])].sort((a, b) => a.page - b.page);

/**
 * Checks the clerk's groups against the file's documents as the case holds them and names each shared page's part:
 * a page held by two groups takes, in each group that names none, a part the file's documents were read from on that
 * page and the other group did not name. Throws `UnprocessableError` (`pages_mismatch`, `part_not_shared`,
 * `parts_overlap`) with a sentence for the clerk.
 *
 * @example
 * // A certificate and an ID card read from the two sides of page 1: the ID card moved to a document with page 2.
 * checkedGrouping('case-1', fileDocuments, [{ pages: [1] }, { pages: [1, 2] }]);
 */
export function checkedGrouping(caseId: string, fileDocuments: readonly DocumentPages[], groups: RegroupPagesRequest['groups']): CheckedGroup[] {
  const filePages = [...new Set(fileDocuments.flatMap((d) => d.pages))].sort((a, b) => a - b);
  const checked: CheckedGroup[] = groups.map((g) => ({
    pages: [...new Set(g.pages)].sort((a, b) => a - b),
    ...(g.type ? { type: g.type } : {}),
    ...(g.regions?.length ? { regions: byPage(g.regions) } : {}),
  }));
  const holders = (n: number) => checked.filter((g) => g.pages.includes(n));
  const asked = [...new Set(checked.flatMap((g) => g.pages))].sort((a, b) => a - b);
  if (asked.length !== filePages.length || asked.some((n, i) => n !== filePages[i]) || filePages.some((n) => holders(n).length > 2)) {
    throw new UnprocessableError(
      'pages_mismatch',
      `请把这份文件的每一页（第${filePages.join('、')}页）归入一份材料；只有一页上印有两份材料时，该页才可同时归入两份材料。`,
      `case ${caseId}: groups ${JSON.stringify(checked.map((g) => g.pages))} are not the pages ${JSON.stringify(filePages)}`,
    );
  }
  for (const group of checked) {
    for (const region of group.regions ?? []) {
      if (!group.pages.includes(region.page) || holders(region.page).length < 2) {
        throw new UnprocessableError(
          'part_not_shared',
          `第${region.page}页只归入一份材料，应整页读取；只有同时归入两份材料的页才分为两部分。`,
          `case ${caseId}: a region on page ${region.page}, which one group holds`,
          { page: region.page },
        );
      }
    }
  }
  for (const n of filePages) {
    const sharing = holders(n);
    if (sharing.length < 2) continue;
    const named = sharing.flatMap((g) => (regionOn(g, n) ? [regionOn(g, n)!] : []));
    const readBefore = fileDocuments.flatMap((d) => (regionOn(d, n) ? [regionOn(d, n)!] : [])).filter((box) => !named.some((b) => sameBox(b, box)));
    for (const group of sharing) {
      if (regionOn(group, n)) continue;
      const part = readBefore.shift();
      if (!part) {
        throw new UnprocessableError(
          'pages_mismatch',
          `第${n}页没有分为两部分，只能归入一份材料；若此页印有两份材料，请为每份材料指明它所在的部分。`,
          `case ${caseId}: page ${n} is in two groups and no part of it is named or was read`,
          { page: n },
        );
      }
      group.regions = byPage([...(group.regions ?? []), { page: n, box: part }]);
    }
    const [a, b] = sharing.map((g) => regionOn(g, n)!);
    if (overlapShare(a!, b!) > MAX_PARTS_OVERLAP) {
      throw new UnprocessableError(
        'parts_overlap',
        `第${n}页的两个部分相互重叠，请让两份材料各取此页的一部分。`,
        `case ${caseId}: the parts of page ${n} overlap (${JSON.stringify([a, b])})`,
        { page: n },
      );
    }
  }
  return checked;
}

/**
 * Whether the checked groups are the file's documents as they are (same pages, same parts, same types where named):
 * the grouping the case already has changes nothing.
 */
export function sameGrouping(groups: readonly CheckedGroup[], fileDocuments: readonly (DocumentPages & { type: DocumentTypeName })[]): boolean {
  const regionsKey = (regions: readonly PageRegion[] | undefined) =>
    JSON.stringify(byPage(regions).map((r) => [r.page, r.box.x, r.box.y, r.box.width, r.box.height]));
  return (
    groups.length === fileDocuments.length &&
    groups.every((g, i) => {
      const d = fileDocuments[i]!;
      return g.pages.join() === [...d.pages].sort((a, b) => a - b).join() && regionsKey(g.regions) === regionsKey(d.regions) && (!g.type || g.type === d.type);
    })
  );
}

/**
 * Refuses a part that does not lie on its page (the stored page's pixels), once the pages are loaded.
 *
 * @example
 * assertPartsOnPages('case-1', groups, pages);
 */
export function assertPartsOnPages(
  caseId: string,
  groups: readonly CheckedGroup[],
  pages: readonly { pageNumber: number; width: number; height: number }[],
): void {
  for (const region of groups.flatMap((g) => g.regions ?? [])) {
    const page = pages.find((p) => p.pageNumber === region.page);
    const { x, y, width, height } = region.box;
    if (!page || width < 1 || height < 1 || x < -1 || y < -1 || x + width > page.width + 1 || y + height > page.height + 1) {
      throw new UnprocessableError(
        'part_outside_page',
        `第${region.page}页的部分超出了页面范围，请重新划分。`,
        `case ${caseId}: region ${JSON.stringify(region.box)} is not on page ${region.page}${page ? ` (${page.width}×${page.height})` : ''}`,
        { page: region.page },
      );
    }
  }
}
