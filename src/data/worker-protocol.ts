/** The message format between the page and the dataset worker. */
import type { ActorColumns, DataBackend, DatasetSummary, ResultResponse } from './backend.ts';
import { packColumn, packedBuffers, unpackColumn, type PackedColumn } from './column-packing.ts';
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

/** The summary's string columns, packed for the trip (column-packing.ts). */
const STRING_COLUMNS = [
  'ids',
  'names',
  'kinds',
  'aka',
  'municipalities',
  'siteNames',
  'precisions',
  'snippetSv',
  'snippetEn',
] as const satisfies readonly (keyof ActorColumns)[];
type StringColumnName = (typeof STRING_COLUMNS)[number];
/** Fails to compile if a string column is added to ActorColumns and not to the list above. */
type UnlistedStringColumns = Exclude<
  {
    [K in keyof ActorColumns]: ActorColumns[K] extends readonly (string | null)[] ? K : never;
  }[keyof ActorColumns],
  StringColumnName
>;
const allStringColumnsListed: [UnlistedStringColumns] extends [never] ? true : never = true;
void allStringColumnsListed;

interface PackedSummary extends Omit<DatasetSummary, 'columns'> {
  columns: Omit<ActorColumns, StringColumnName> & {
    packed: Record<StringColumnName, PackedColumn>;
  };
}

const carriesSummary = (method: Method) => method === 'load' || method === 'confirmed';

/** What the worker posts for a method's result, and the buffers that move with it. */
export function encodeResult(
  method: Method,
  result: unknown,
): { result: unknown; transfer: Transferable[] } {
  if (!carriesSummary(method) || !result)
    return { result, transfer: transferablesOf(method, result) };
  const summary = result as DatasetSummary;
  const { lon, lat } = summary.columns;
  const packed = Object.fromEntries(
    STRING_COLUMNS.map((name) => [name, packColumn(summary.columns[name])]),
  ) as Record<StringColumnName, PackedColumn>;
  const message: PackedSummary = { ...summary, columns: { lon, lat, packed } };
  return { result: message, transfer: Object.values(packed).flatMap(packedBuffers) };
}

/** The page's side of encodeResult. */
export function decodeResult(method: Method, result: unknown): unknown {
  if (!carriesSummary(method) || !result) return result;
  const { columns, ...rest } = result as PackedSummary;
  const unpacked = Object.fromEntries(
    STRING_COLUMNS.map((name) => [name, unpackColumn(columns.packed[name])]),
  );
  return { ...rest, columns: { lon: columns.lon, lat: columns.lat, ...unpacked } };
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
