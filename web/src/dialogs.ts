/**
 * The case view's modal dialogs: a reason in words (`askText`) and a form (`askForm`). Both submit with 提交 or
 * Ctrl+Enter and cancel with Esc; the keys of the page stay quiet while one is open.
 */

const BUTTONS =
  '<div class="actions"><button value="ok" class="primary">提交 <kbd>Ctrl+Enter</kbd></button><button value="cancel" formnovalidate>取消 <kbd>Esc</kbd></button></div>';

/**
 * A closed dialog at the end of the page: a form titled `title` holding the trusted markup `body` and the buttons.
 *
 * @example
 * const dialog = appendDialog(esc, '退回案件', '<label>原因<textarea required></textarea></label>');
 */
function appendDialog(esc: (value: string) => string, title: string, body: string): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.innerHTML = `<form method="dialog"><h3>${esc(title)}</h3>${body}${BUTTONS}</form>`;
  document.body.append(dialog);
  return dialog;
}

/**
 * Ctrl+Enter inside `field` submits the dialog (closes it with 提交's value) when `valid()` allows; the key stops
 * there, so the page's own shortcuts do not see it.
 *
 * @example
 * submitOnCtrlEnter(dialog, form, () => form.reportValidity());
 */
function submitOnCtrlEnter(dialog: HTMLDialogElement, field: HTMLElement, valid: () => boolean): void {
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.ctrlKey) {
      event.preventDefault();
      event.stopPropagation();
      if (valid()) dialog.close('ok');
    }
  });
}

/**
 * A dialog asking for text (a reason, a note): resolves with the trimmed text, undefined when cancelled or empty.
 *
 * @example
 * const reason = await askText(esc, '退回案件', '退回原因（将告知申请人）');
 */
export function askText(esc: (value: string) => string, title: string, label: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const dialog = appendDialog(esc, title, `<label>${esc(label)}<textarea rows="3" required></textarea></label>`);
    const text = dialog.querySelector('textarea')!;
    submitOnCtrlEnter(dialog, text, () => true);
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
    const dialog = appendDialog(esc, title, html);
    const form = dialog.querySelector('form')!;
    submitOnCtrlEnter(dialog, form, () => form.reportValidity());
    dialog.addEventListener('close', () => {
      const data = dialog.returnValue === 'ok' ? new FormData(form) : undefined;
      dialog.remove();
      resolve(data);
    });
    dialog.showModal();
    dialog.querySelector<HTMLElement>('textarea, select, input:not([type=checkbox]), input')?.focus();
  });
}
