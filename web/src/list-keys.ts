/**
 * Keyboard for a table of rows: ↑/↓ (or k/j) select, Enter opens the selected row. `extra` sees each key first and
 * returns true when it handled it. Keys typed into a field, a dialog, or on a focused button or link are left alone.
 * Returns the function that removes the handler (call it when the view is left).
 *
 * @example
 * const stop = listKeys(rows, (row) => (location.hash = `#/case/${row.dataset.case}`));
 */
export function listKeys(rows: HTMLElement[], open: (row: HTMLElement) => void, extra?: (event: KeyboardEvent) => boolean): () => void {
  let index = 0;
  const select = (i: number) => {
    if (rows.length === 0) return;
    index = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((row, n) => row.classList.toggle('selected', n === index));
    rows[index]!.focus();
  };
  select(0);
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, dialog')) return;
    if (extra?.(event)) return;
    if (event.key === 'ArrowDown' || event.key === 'j') select(index + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') select(index - 1);
    else if (event.key === 'Enter' && rows[index] && !target.closest('button, a')) open(rows[index]!);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
