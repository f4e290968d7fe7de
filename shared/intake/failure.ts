import type { DocumentStatus } from '../cases/document-record.js';
import type { ReadError } from '../documents/extracted-document.js';

/** A reason a file did not go through: the state it ends in and the sentences for people (zh) and logs (en). */
export interface ReasonText {
  status: Extract<DocumentStatus, 'rejected' | 'failed'>;
  zh: string;
  en: string;
}

/**
 * Every reason code a document can end with, in one table, so the page, the CLI, the replies to senders and the logs
 * say the same thing. The refusals of `shared/pdf`, `shared/images`, `shared/archives`, `shared/email` and
 * `shared/batches` (`IntakeError`s all) and the OCR errors' codes are described here too.
 */
export const REASONS = {
  empty_file: { status: 'rejected', zh: '文件为空（0 字节），请重新上传。', en: 'The file is empty (0 bytes).' },
  file_too_large: { status: 'rejected', zh: '文件超过大小上限，请压缩或分拆后重新上传。', en: 'The file is larger than the size limit.' },
  type_mismatch: {
    status: 'rejected',
    zh: '文件名表示的类型与文件实际内容不符（例如名为 PDF 但并非 PDF），请上传原始文件。',
    en: 'The file name claims one type but the bytes are another.',
  },
  unsupported_type: {
    status: 'rejected',
    zh: '不支持的文件类型，请上传 PDF、JPEG、PNG 或 TIFF 文件。',
    en: 'The bytes are not a PDF, JPEG, PNG or TIFF.',
  },
  unsupported_here: {
    status: 'rejected',
    zh: '压缩包、邮件、名册等文件需通过批量上传或邮件通道提交，此处只接收证件和材料的 PDF 或图片。',
    en: 'ZIP, e-mail, workbook and CSV files are handled by the bulk or e-mail intake, not here.',
  },
  pdf_encrypted: { status: 'rejected', zh: 'PDF 文件已加密或设有密码，请上传未加密的文件。', en: 'The PDF is encrypted or needs a password.' },
  pdf_corrupt: { status: 'rejected', zh: 'PDF 文件已损坏或不完整，无法打开，请重新上传。', en: 'The PDF is damaged or truncated and cannot be opened.' },
  pdf_page_too_large: {
    status: 'rejected',
    zh: 'PDF 页面尺寸异常（超过 A0 纸的两倍），无法读取，请按实际纸张大小扫描或导出后重新上传。',
    en: 'A PDF page is larger than twice A0: refused before rendering.',
  },
  pdf_too_many_pages: { status: 'rejected', zh: 'PDF 页数超过上限，请分拆后重新上传。', en: 'The PDF has more pages than the limit.' },
  image_too_large: {
    status: 'rejected',
    zh: '图片尺寸（像素）超过上限，请降低分辨率后重新上传。',
    en: 'The image declares more pixels than the limit (possible decompression bomb).',
  },
  image_corrupt: { status: 'rejected', zh: '图片已损坏或不完整，无法读取，请重新上传。', en: 'The image is damaged or truncated and cannot be decoded.' },
  image_unsupported: {
    status: 'rejected',
    zh: '不支持的图片格式，请上传 JPEG、PNG 或 TIFF 图片。',
    en: 'The image decodes but is not JPEG, PNG or TIFF.',
  },
  zip_corrupt: { status: 'rejected', zh: '压缩包已损坏或不完整，无法解压，请重新打包上传。', en: 'The ZIP is damaged or truncated and cannot be expanded.' },
  zip_too_many_entries: { status: 'rejected', zh: '压缩包内文件数量超过上限，请分批上传。', en: 'The ZIP holds more entries than the limit.' },
  zip_bomb: {
    status: 'rejected',
    zh: '压缩包解压后的大小或压缩比异常（疑似"压缩炸弹"），已拒收。',
    en: 'The ZIP would expand beyond the size or compression-ratio limit (decompression bomb).',
  },
  zip_entry_unsafe_path: {
    status: 'rejected',
    zh: '压缩包内文件路径不安全（含"../"或绝对路径），该文件已拒收。',
    en: 'The ZIP entry has a ../ or absolute path.',
  },
  zip_entry_encrypted: { status: 'rejected', zh: '压缩包内文件设有密码，无法解压，请去掉密码后重新上传。', en: 'The ZIP entry is password-protected.' },
  zip_entry_unsupported: {
    status: 'rejected',
    zh: '压缩包使用了不支持的压缩方式，请用标准 ZIP 格式重新打包。',
    en: 'The ZIP entry uses an unsupported compression method.',
  },
  zip_nested_too_deep: { status: 'rejected', zh: '压缩包嵌套层数过多，请直接打包文件后重新上传。', en: 'Archives are nested deeper than the limit.' },
  email_spam: { status: 'rejected', zh: '邮件被判定为垃圾邮件，未予受理。', en: 'The message failed the spam check (SES verdict FAIL).' },
  email_virus: { status: 'rejected', zh: '邮件附件检出病毒，未予受理。', en: 'The message failed the virus check (SES verdict FAIL).' },
  email_forged_sender: {
    status: 'rejected',
    zh: '邮件发件人未通过来源验证（SPF/DKIM/DMARC 均不通过），疑似伪造，未予受理。',
    en: 'The From: address failed sender authentication (SPF and DKIM failed, or DMARC failed): forged.',
  },
  email_no_attachment: {
    status: 'rejected',
    zh: '邮件中没有可受理的附件（PDF、图片或 ZIP 压缩包），请附上申请材料后重新发送。',
    en: 'The message has no usable attachment.',
  },
  email_unreadable: { status: 'rejected', zh: '邮件无法解析，请重新发送。', en: 'The message cannot be parsed as MIME.' },
  roster_missing_columns: {
    status: 'rejected',
    zh: '名册缺少必需的列（如姓名、身份证号、证书编号），请按模板补齐后重新上传。',
    en: 'The roster lacks required columns.',
  },
  roster_unreadable: { status: 'rejected', zh: '名册无法读取，请上传 XLSX 或 CSV 格式的名册。', en: 'The roster is not a readable XLSX or CSV file.' },
  object_missing: { status: 'failed', zh: '上传的文件在存储中找不到，请重新上传。', en: 'The uploaded object is no longer in the bucket.' },
  ocr_failed: { status: 'failed', zh: '文字识别失败，已转人工处理。', en: 'OCR failed on this file.' },
  ocr_image_unreadable: { status: 'failed', zh: '页面图像无法识别，已转人工处理。', en: 'The OCR engine could not decode a page image.' },
  ocr_model_unavailable: { status: 'failed', zh: '文字识别模型不可用，系统将重试。', en: 'The OCR model could not be loaded.' },
  ocr_engine_failed: { status: 'failed', zh: '文字识别服务出错，系统将重试。', en: 'The OCR engine failed.' },
  ocr_job_lost: {
    status: 'failed',
    zh: '多页文档文字识别任务未能完成，已记录并将重新逐页识别。',
    en: 'The asynchronous OCR job never completed (lost or still running past the limit); the document can be redriven.',
  },
  processing_failed: { status: 'failed', zh: '系统处理失败，已记录并转人工处理。', en: 'Processing failed after retries.' },
} as const satisfies Record<string, ReasonText>;
export type ReasonCode = keyof typeof REASONS;

/** The outcome of mapping an error: what to store on the DocumentRecord and what to log. */
export interface FailureDescription {
  status: ReasonText['status'];
  /** Stored on the record and shown to people: the stable code and the Chinese sentence. */
  error: ReadError;
  /** For logs (English), with the technical detail. */
  logMessage: string;
}

const isReasonCode = (code: unknown): code is ReasonCode => typeof code === 'string' && Object.hasOwn(REASONS, code);

/**
 * The one place that turns any error into a document state, a reason code and a human sentence. Errors with a known
 * `code` (every IntakeError: the intake, PDF, image, archive, e-mail and roster refusals) become `rejected` bad input,
 * the OCR errors' codes `failed`; anything else is a processing failure (`failed`), so it is never blamed on the sender.
 *
 * @example
 * describeFailure(new EmptyFileError('a.pdf')).error; // { code: 'empty_file', message: '文件为空（0 字节），请重新上传。' }
 */
export function describeFailure(error: unknown, fallback: ReasonCode = 'processing_failed'): FailureDescription {
  const code = (error as { code?: unknown } | undefined)?.code;
  const reason: ReasonCode = isReasonCode(code) ? code : fallback;
  const text = REASONS[reason];
  const detail = error instanceof Error ? error.message : String(error);
  return { status: text.status, error: { code: reason, message: text.zh }, logMessage: `${text.en} (${detail})` };
}

/**
 * The sentences for a reason code.
 *
 * @example
 * reasonText('pdf_encrypted').en; // 'The PDF is encrypted or needs a password.'
 */
export function reasonText(code: ReasonCode): ReasonText {
  return REASONS[code];
}
