/**
 * The page image as a workspace: page thumbnails, zoom (+/−, the wheel), pan (drag), rotate (R), page keys
 * (PageUp/PageDown), the box of the focused field and the OCR text it was read from, and on a page two documents share
 * the outline of each one's part, named by its document. The image, the box and the outlines sit in one transformed
 * stage, so they stay on the page's text at every zoom, pan and rotation.
 */
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';

export interface PageRef {
  documentId: string;
  pageNumber: number;
  /** The page as the clerk reads it (`职业资格证书 第1页`). */
  title: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A part of a page that one document covers (`ExtractedDocument.regions`), outlined on the image. */
export interface PagePartOutline {
  /** In the served image's pixels, like a field's box. */
  box: Box;
  /** The document it belongs to, as the clerk reads it (`材料2 身份证`). */
  label: string;
  /** Which part of the page (`left`, `right`, `top`, `bottom`), for the page's tests and styles. */
  side?: string;
}

export interface PageWorkspaceDeps {
  pages: readonly PageRef[];
  /** The parts of a page two documents share, to outline (none for a page one document holds whole). */
  partsOf?(documentId: string, pageNumber: number): readonly PagePartOutline[];
  /** The page's image as an object URL (undefined when it cannot be served). */
  loadImage(documentId: string, pageNumber: number): Promise<string | undefined>;
  esc(value: string): string;
}

export interface PageWorkspace {
  /** Shows a page (`documentId/page`) with a field's box; stands down when `stillWanted` turns false while loading. */
  show(key: string, box?: Box, fieldKey?: string, ocrText?: string, stillWanted?: () => boolean): Promise<void>;
  /** Draws the last box again (after a resize). */
  redraw(): void;
  /** The page shown (`documentId/page`). */
  current(): string;
  turnPage(step: 1 | -1): void;
  zoom(direction: 1 | -1): void;
  rotate(): void;
  reset(): void;
  /** Zoom, rotation and page, to mount the workspace again as it was after the view is drawn again. */
  state(): { rotation: number; scale: number; current: string };
  destroy(): void;
}

const pageKey = (p: Pick<PageRef, 'documentId' | 'pageNumber'>) => `${p.documentId}/${p.pageNumber}`;

/**
 * The workspace's markup (thumbnails, tools, stage, OCR text): placed by the case view, then `mountPageWorkspace`.
 *
 * @example
 * view.innerHTML = `<div class="case">${pageWorkspaceHtml(pages, esc)}…</div>`;
 */
export function pageWorkspaceHtml(pages: readonly PageRef[], esc: (value: string) => string): string {
  return `<section class="page-pane" aria-label="材料页面">
    <div class="page-tools" role="toolbar" aria-label="页面工具">
      <button type="button" id="zoom-out" title="缩小（-）">−</button><button type="button" id="zoom-in" title="放大（+）">+</button><button type="button" id="rotate" title="旋转（R）">旋转 <kbd>R</kbd></button><button type="button" id="zoom-reset" title="复原（0）">复原 <kbd>0</kbd></button><button type="button" id="prev-page" title="上一页（PageUp）">上一页</button><button type="button" id="next-page" title="下一页（PageDown）">下一页</button><button type="button" id="key-help" title="快捷键（?）">快捷键 <kbd>?</kbd></button>
      <span class="muted" id="zoom-level">100%</span>
    </div>
    <div class="page-tabs" role="tablist">${pages
      .map(
        (p) =>
          `<button type="button" role="tab" data-page="${esc(pageKey(p))}"><img class="thumb" alt="" data-thumb="${esc(pageKey(p))}" /><span>${esc(p.title)}</span></button>`,
      )
      .join('')}</div>
    <div class="page-viewport" id="page-viewport">
      <div class="page-stage" id="page-stage"><div class="page-frame" id="page-turn"><img id="page-img" alt="材料页面" draggable="false" /><div id="page-parts"></div><div id="page-box" class="box" hidden></div></div></div>
    </div>
    <p class="ocr-text" id="ocr-text" hidden></p>
  </section>`;
}

/**
 * Wires the workspace placed by `pageWorkspaceHtml` inside `root`.
 *
 * @example
 * const workspace = mountPageWorkspace(view, { pages, loadImage, esc });
 * await workspace.show('doc-1/1', field.source.box, key, field.source.raw);
 */
export function mountPageWorkspace(
  root: HTMLElement,
  deps: PageWorkspaceDeps,
  initial?: { rotation?: number; scale?: number; current?: string },
): PageWorkspace {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector(selector) as T;
  const img = $('#page-img') as HTMLImageElement;
  const frame = $('#page-box');
  const partsLayer = $('#page-parts');
  const stage = $('#page-stage');
  const turn = $('#page-turn');
  const viewport = $('#page-viewport');
  const ocr = $('#ocr-text');
  let currentPage = initial?.current ?? (deps.pages[0] ? pageKey(deps.pages[0]) : '');
  let rotation = initial?.rotation ?? 0;
  let last: { box?: Box; fieldKey?: string } = {};
  let showing = 0;

  const panzoom: PanzoomObject = Panzoom(stage, { maxScale: 6, minScale: 0.5, step: 0.25, cursor: 'grab', startScale: initial?.scale ?? 1 });
  const onWheel = (event: WheelEvent) => panzoom.zoomWithWheel(event);
  viewport.addEventListener('wheel', onWheel, { passive: false });
  const onZoom = () => {
    const level = $('#zoom-level');
    if (level) level.textContent = `${Math.round(panzoom.getScale() * 100)}%`;
    stage.dataset.scale = String(Math.round(panzoom.getScale() * 1000) / 1000);
  };
  stage.addEventListener('panzoomchange', onZoom);

  const applyRotation = () => {
    turn.style.transform = rotation ? `rotate(${rotation}deg)` : '';
    turn.dataset.rotation = String(rotation);
  };
  applyRotation();

  /** The box is in the served image's pixels (`source.box`), scaled to the size the image is laid out at. */
  const drawBox = (box?: Box, fieldKey?: string) => {
    last = { box, fieldKey };
    frame.dataset.key = fieldKey ?? '';
    frame.dataset.page = currentPage;
    if (!box) {
      frame.hidden = true;
      return;
    }
    if (!img.naturalWidth) {
      frame.hidden = true;
      if (img.getAttribute('src')) img.addEventListener('load', () => last.fieldKey === fieldKey && drawBox(box, fieldKey), { once: true });
      return;
    }
    // Decoded but not laid out yet: draw once it has a size. (clientWidth ignores transforms: the box is placed in the
    // untransformed frame and turns and scales with the image.)
    if (!img.clientWidth) {
      requestAnimationFrame(() => last.fieldKey === fieldKey && drawBox(box, fieldKey));
      return;
    }
    const scale = img.clientWidth / img.naturalWidth;
    Object.assign(frame.style, { left: `${box.x * scale}px`, top: `${box.y * scale}px`, width: `${box.width * scale}px`, height: `${box.height * scale}px` });
    frame.hidden = false;
  };

  /** Outlines the parts of the page shown, scaled as the box is (the regions are in the served image's pixels). */
  const drawParts = () => {
    const page = currentPage;
    const cut = page.lastIndexOf('/');
    const parts = deps.partsOf?.(page.slice(0, cut), Number(page.slice(cut + 1))) ?? [];
    partsLayer.dataset.page = page;
    if (parts.length === 0 || !img.naturalWidth) {
      partsLayer.innerHTML = '';
      return;
    }
    if (!img.clientWidth) {
      requestAnimationFrame(() => currentPage === page && drawParts());
      return;
    }
    const scale = img.clientWidth / img.naturalWidth;
    const px = (n: number) => `${Math.round(n * scale * 100) / 100}px`;
    partsLayer.innerHTML = parts
      .map(
        (p) =>
          `<div class="part-outline" data-side="${deps.esc(p.side ?? '')}" style="left:${px(p.box.x)};top:${px(p.box.y)};width:${px(p.box.width)};height:${px(p.box.height)}"><span>${deps.esc(p.label)}</span></div>`,
      )
      .join('');
  };

  const markCurrent = () =>
    root.querySelectorAll<HTMLButtonElement>('.page-tabs button').forEach((b) => {
      const on = b.dataset.page === currentPage;
      b.classList.toggle('current', on);
      b.setAttribute('aria-selected', String(on));
    });

  const show: PageWorkspace['show'] = async (key, box, fieldKey, ocrText, stillWanted = () => true) => {
    const mine = ++showing;
    currentPage = key;
    markCurrent();
    ocr.hidden = !ocrText;
    ocr.textContent = ocrText ? `识别原文：${ocrText}` : '';
    const cut = key.lastIndexOf('/');
    const url = await deps.loadImage(key.slice(0, cut), Number(key.slice(cut + 1)));
    // A later call may have moved on while this page loaded: only the latest is shown.
    if (mine !== showing || !stillWanted()) return;
    if (url && img.src !== url) img.src = url;
    if (!img.complete || !img.naturalWidth) await img.decode().catch(() => undefined);
    if (mine !== showing || !stillWanted()) return;
    drawParts();
    drawBox(box, fieldKey);
  };

  const turnPage = (step: 1 | -1) => {
    const index = deps.pages.findIndex((p) => pageKey(p) === currentPage);
    const next = deps.pages[Math.min(deps.pages.length - 1, Math.max(0, index + step))];
    if (next && pageKey(next) !== currentPage) void show(pageKey(next));
  };
  // Steps of 25 % (100 %, 125 %, 150 %…), so the level shown is a round figure.
  const zoom = (direction: 1 | -1) => {
    panzoom.zoom(Math.min(6, Math.max(0.5, Math.round((panzoom.getScale() + direction * 0.25) * 4) / 4)));
    onZoom();
  };
  const rotate = () => {
    rotation = (rotation + 90) % 360;
    applyRotation();
  };
  const reset = () => {
    rotation = 0;
    applyRotation();
    panzoom.reset();
    onZoom();
  };

  root.querySelectorAll<HTMLButtonElement>('.page-tabs button').forEach((b) => b.addEventListener('click', () => void show(b.dataset.page!)));
  $('#zoom-in').addEventListener('click', () => zoom(1));
  $('#zoom-out').addEventListener('click', () => zoom(-1));
  $('#rotate').addEventListener('click', rotate);
  $('#zoom-reset').addEventListener('click', reset);
  $('#prev-page').addEventListener('click', () => turnPage(-1));
  $('#next-page').addEventListener('click', () => turnPage(1));
  // Thumbnails load after the page in view, one at a time (the API serves the same images).
  void (async () => {
    for (const p of deps.pages) {
      const thumb = root.querySelector<HTMLImageElement>(`img[data-thumb="${CSS.escape(pageKey(p))}"]`);
      if (!thumb?.isConnected) return;
      const url = await deps.loadImage(p.documentId, p.pageNumber);
      if (url && thumb.isConnected) thumb.src = url;
    }
  })();
  markCurrent();
  onZoom();

  return {
    show,
    redraw: () => {
      drawParts();
      drawBox(last.box, last.fieldKey);
    },
    current: () => currentPage,
    turnPage,
    zoom,
    rotate,
    reset,
    state: () => ({ rotation, scale: panzoom.getScale(), current: currentPage }),
    destroy: () => {
      viewport.removeEventListener('wheel', onWheel);
      panzoom.destroy();
    },
  };
}
