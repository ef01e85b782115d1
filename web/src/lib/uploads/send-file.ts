import { ApiError, type ApiErrorBody } from '../graphql/api-error.ts';

export interface SendFileOptions {
  readonly url: string;
  readonly file: File;
  readonly token: string | null;
  readonly onProgress: (loaded: number, total: number) => void;
  readonly signal: AbortSignal;
}

/** An upload route's refusal: `{ error: { code, bishopCode, message } }`. */
interface HttpErrorBody {
  readonly error?: { readonly code?: string; readonly bishopCode?: string; readonly message?: string };
}

export function httpError(body: unknown, status: number): ApiError {
  const error = (body as HttpErrorBody | null)?.error;
  if (error?.message) {
    const shaped: ApiErrorBody = {
      message: error.message,
      extensions: {
        ...(error.code ? { code: error.code } : {}),
        ...(error.bishopCode ? { bishopCode: error.bishopCode } : {}),
      },
    };
    return ApiError.fromBody(shaped);
  }
  return new ApiError(`HTTP ${status}`, status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
}

/**
 * POSTs one file as multipart/form-data. XMLHttpRequest rather than fetch because
 * only XHR reports upload progress in every browser.
 */
export function sendFile(options: SendFileOptions): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', options.url);
    if (options.token) xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded, event.total);
    });
    xhr.addEventListener('load', () => resolve({ status: xhr.status, body: xhr.response }));
    xhr.addEventListener('error', () => reject(ApiError.network(new Error('upload failed'))));
    xhr.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
    options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', options.file, options.file.name);
    xhr.send(form);
  });
}
