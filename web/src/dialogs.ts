/**
 * The case view's modal dialogs: a reason in words (`askText`) and a form (`askForm`). Both submit with 提交 or
 * Ctrl+Enter and cancel with Esc; the keys of the page stay quiet while one is open.
 */

const BUTTONS =
  '<div class="actions"><button value="ok" class="primary">提交 <kbd>Ctrl+Enter</kbd></button><button value="cancel" formnovalidate>取消 <kbd>Esc</kbd></button></div>';

/**
 * A dialog asking for text (a reason, a note): resolves with the trimmed text, undefined when cancelled or empty.
 *
 * @example
 * const reason = await askText(esc, '退回案件', '退回原因（将告知申请人）');
 */
export function askText(esc: (value: string) => string, title: string, label: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.innerHTML = `<form method="dialog"><h3>${esc(title)}</h3><label>${esc(label)}<textarea rows="3" required></textarea></label>${BUTTONS}</form>`;
    document.body.append(dialog);
    const text = dialog.querySelector('textarea')!;
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.ctrlKey) {
        event.preventDefault();
        event.stopPropagation();
        dialog.close('ok');
      }
    });
    dialog.addEventListener('close', () => {
      const value = dialog.returnValue === 'ok' ? text.value.trim() : '';
      dialog.remove();
      resolve(value || undefined);
    });
    dialog.showModal();
    text.focus();
  });
}

/**
 * A dialog holding a form: resolves with its fields when submitted (提交 or Ctrl+Enter), undefined when cancelled.
 * `html` is trusted markup built by the caller with `esc`.
 *
 * @example
 * const data = await askForm(esc, '人工分类', classifyForm(documents, esc));
 */
export function askForm(esc: (value: string) => string, title: string, html: string): Promise<FormData | undefined> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.innerHTML = `<form method="dialog"><h3>${esc(title)}</h3>${html}${BUTTONS}</form>`;
    document.body.append(dialog);
    const form = dialog.querySelector('form')!;
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.ctrlKey) {
        event.preventDefault();
        event.stopPropagation();
        if (form.reportValidity()) dialog.close('ok');
      }
    });
    dialog.addEventListener('close', () => {
      const data = dialog.returnValue === 'ok' ? new FormData(form) : undefined;
      dialog.remove();
      resolve(data);
    });
    dialog.showModal();
    dialog.querySelector<HTMLElement>('textarea, select, input:not([type=checkbox]), input')?.focus();
  });
}
