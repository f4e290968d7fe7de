/** The API's error body: a code, an English message and the Chinese sentence the page shows. */
export type ApiError = { code: string; message: string; zh: string; details?: Record<string, unknown> };

/** A request the API refused (status and error body), so a view can tell a conflict (409) from the rest. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}
