/** The page's side of the dataset worker: the DataBackend interface over postMessage. */
import type { DataBackend } from './backend.ts';
import {
  decodeResult,
  deserializeError,
  type Method,
  type WorkerResponse,
} from './worker-protocol.ts';

/** What the backend needs of a Worker; a MessagePort will do in tests. */
export interface WorkerLike {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  postMessage(message: unknown): void;
  terminate(): void;
}

export class WorkerBackend implements DataBackend {
  private readonly worker: WorkerLike;
  private next = 0;
  private readonly pending = new Map<
    number,
    { method: Method; resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();

  constructor(worker: WorkerLike) {
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const { id, result, error } = event.data;
      const call = this.pending.get(id);
      if (!call) return;
      this.pending.delete(id);
      if (error) call.reject(deserializeError(error));
      else call.resolve(decodeResult(call.method, result));
    });
    worker.addEventListener('error', (event) => {
      const failure = new Error(event.message || 'the dataset worker failed');
      for (const call of this.pending.values()) call.reject(failure);
      this.pending.clear();
    });
  }

  private call<T>(method: Method, ...args: unknown[]): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  load = (url: string) => this.call<Awaited<ReturnType<DataBackend['load']>>>('load', url);
  confirmed = () => this.call<Awaited<ReturnType<DataBackend['confirmed']>>>('confirmed');
  results = (request: Parameters<DataBackend['results']>[0]) =>
    this.call<Awaited<ReturnType<DataBackend['results']>>>('results', request);
  statistics = (request: Parameters<DataBackend['statistics']>[0]) =>
    this.call<Awaited<ReturnType<DataBackend['statistics']>>>('statistics', request);
  exportFile = (order: Parameters<DataBackend['exportFile']>[0]) =>
    this.call<Awaited<ReturnType<DataBackend['exportFile']>>>('exportFile', order);
  actor = (id: string) => this.call<Awaited<ReturnType<DataBackend['actor']>>>('actor', id);
  programme = (id: string) =>
    this.call<Awaited<ReturnType<DataBackend['programme']>>>('programme', id);
  focus = (request: Parameters<DataBackend['focus']>[0]) =>
    this.call<Awaited<ReturnType<DataBackend['focus']>>>('focus', request);
  records = (indices: readonly number[]) =>
    this.call<Awaited<ReturnType<DataBackend['records']>>>('records', [...indices]);
  catchUp = () => this.call<void>('catchUp');
  progress = () => this.call<Awaited<ReturnType<DataBackend['progress']>>>('progress');

  dispose(): void {
    this.worker.terminate();
  }
}
