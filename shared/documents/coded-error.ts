/**
 * An error a document's reading can end in: a stable `code` (stored as the document's reason) and a sentence a clerk
 * or submitter reads in Chinese (`messageZh`) beside the English `message` for logs. The OCR errors are kinds of it
 * (the PDF and image errors are intake refusals, `IntakeError`, whose sentences stand in shared/intake's table).
 *
 * @example
 * class OcrError extends CodedError<OcrErrorCode> {}
 * throw new OcrError('ocr_engine_failed', 'OCR engine paddle failed.', '文字识别服务暂时出错。');
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;
  readonly messageZh: string;

  constructor(code: Code, message: string, messageZh: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.messageZh = messageZh;
  }
}
