/**
 * Errors raised by OCR engines. Each has a stable `code` (a document state's reason) and a Chinese sentence
 * `messageZh` beside the English `message`.
 */
import { CodedError } from '../documents/coded-error.js';

export const OCR_ERROR_CODES = {
  ocrImageUnreadable: 'ocr_image_unreadable',
  ocrModelUnavailable: 'ocr_model_unavailable',
  ocrEngineUnknown: 'ocr_engine_unknown',
  ocrEngineFailed: 'ocr_engine_failed',
  ocrThrottled: 'ocr_throttled',
  ocrJobFailed: 'ocr_job_failed',
} as const;
export type OcrErrorCode = (typeof OCR_ERROR_CODES)[keyof typeof OCR_ERROR_CODES];

/** Base class of OCR errors. */
export class OcrError extends CodedError<OcrErrorCode> {}

/** The page image handed to the engine cannot be decoded. */
export class OcrImageUnreadableError extends OcrError {
  constructor(
    readonly pageNumber: number,
    options?: { cause?: unknown },
  ) {
    super(OCR_ERROR_CODES.ocrImageUnreadable, `Page ${pageNumber} cannot be decoded for OCR.`, `第 ${pageNumber} 页图像无法解码，无法识别文字。`, options);
  }
}

/** The OCR model files are missing or cannot be loaded (an installation problem, not a bad upload). */
export class OcrModelUnavailableError extends OcrError {
  constructor(
    readonly modelPath: string,
    options?: { cause?: unknown },
  ) {
    super(OCR_ERROR_CODES.ocrModelUnavailable, `The OCR model ${modelPath} cannot be loaded.`, '文字识别模型无法加载，请联系系统管理员。', options);
  }
}

/** `OCR_ENGINE` names an engine that does not exist or was not wired. */
export class OcrEngineUnknownError extends OcrError {
  constructor(readonly engineName: string) {
    super(
      OCR_ERROR_CODES.ocrEngineUnknown,
      `OCR engine "${engineName}" is unknown or not configured; use "paddle" or "textract".`,
      `未知或未配置的文字识别引擎“${engineName}”。`,
    );
  }
}

/** The engine failed on a page for a reason that is not the page's fault (a service error, a crash). */
export class OcrEngineFailedError extends OcrError {
  constructor(
    readonly engineName: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(OCR_ERROR_CODES.ocrEngineFailed, `OCR engine ${engineName} failed: ${detail}.`, '文字识别服务暂时出错，系统将稍后重试。', options);
  }
}

/** The OCR service kept refusing for load after every retry; the page should be queued again later. */
export class OcrThrottledError extends OcrError {
  constructor(
    readonly engineName: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      OCR_ERROR_CODES.ocrThrottled,
      `OCR engine ${engineName} is throttling requests (gave up after ${attempts} attempts).`,
      '文字识别服务繁忙，系统将稍后自动重试。',
      options,
    );
  }
}

/** An asynchronous OCR job (Textract multi-page detection) ended FAILED or ERROR; `statusMessage` says why. */
export class OcrJobFailedError extends OcrError {
  constructor(
    readonly engineName: string,
    readonly jobId: string,
    readonly status: string,
    readonly statusMessage: string | undefined,
  ) {
    super(
      OCR_ERROR_CODES.ocrJobFailed,
      `OCR job ${jobId} on ${engineName} ended ${status}: ${statusMessage ?? 'no status message'}.`,
      '多页文档文字识别任务失败，请稍后重试或联系系统管理员。',
    );
  }
}
