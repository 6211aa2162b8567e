/**
 * The worker's side of the backend protocol: answers { id, method, args } messages from a
 * backend. Apart from the worker's entry point so that tests can run it over a MessageChannel.
 */
import type { DataBackend } from './backend.ts';
import { encodeResult, serializeError, type WorkerRequest } from './worker-protocol.ts';

export interface MessageEndpoint {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: unknown, options?: { transfer?: Transferable[] }): void;
}

export function serveBackend(backend: DataBackend, endpoint: MessageEndpoint): void {
  endpoint.addEventListener('message', (event) => {
    const { id, method, args } = event.data;
    const call = (backend[method] as (...a: unknown[]) => Promise<unknown>).bind(backend);
    // A throw before the promise (a bad method) is answered like a rejection: the page never hangs.
    Promise.resolve()
      .then(() => call(...args))
      .then(
        (value) => {
          const { result, transfer } = encodeResult(method, value);
          endpoint.postMessage({ id, result }, { transfer });
        },
        (error: unknown) => endpoint.postMessage({ id, error: serializeError(error) }),
      );
  });
}
