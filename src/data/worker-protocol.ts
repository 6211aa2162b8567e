/** The message format between the page and the dataset worker. */
import type { DataBackend, ResultResponse } from './backend.ts';
import { DatasetLoadError, type LoadErrorKind } from './load-error.ts';

export type Method = Exclude<keyof DataBackend, 'dispose'>;

export interface WorkerRequest {
  id: number;
  method: Method;
  args: unknown[];
}

export interface WorkerResponse {
  id: number;
  result?: unknown;
  error?: SerializedError;
}

export interface SerializedError {
  name: string;
  message: string;
  kind?: LoadErrorKind;
  status?: number;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof DatasetLoadError)
    return { name: error.name, message: error.message, kind: error.kind, status: error.status };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Rebuilds the error on the page's side, so retry policy and messages work as on one thread. */
export function deserializeError(e: SerializedError): Error {
  if (e.kind) return new DatasetLoadError(e.kind, e.message, e.status);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}

/**
 * Buffers that can move to the page without copying. Only fresh per-call arrays: the worker
 * keeps its own columns, so the summary's arrays are copied, not moved.
 */
export function transferablesOf(method: Method, result: unknown): Transferable[] {
  if (method !== 'results' || !result) return [];
  const r = result as ResultResponse;
  return [r.order.buffer, ...Object.values(r.counts).map((c) => c.buffer)] as Transferable[];
}
