/**
 * One backend for the page: in a Web Worker where the browser has them (always, in practice),
 * on the main thread otherwise (jsdom in component tests). The main-thread backend is imported
 * lazily so that parsing, validation and indexing code never weighs on the page's first bundle.
 */
import type { DataBackend } from './backend.ts';
import { WorkerBackend } from './worker-backend.ts';

let backend: DataBackend | null = null;

/** Defers every call until the main-thread backend module has loaded. */
class DeferredBackend implements DataBackend {
  private readonly target = import('./backend.ts').then((m) => new m.LocalBackend());
  load: DataBackend['load'] = (url) => this.target.then((b) => b.load(url));
  confirmed: DataBackend['confirmed'] = () => this.target.then((b) => b.confirmed());
  results: DataBackend['results'] = (request) => this.target.then((b) => b.results(request));
  statistics: DataBackend['statistics'] = (request) =>
    this.target.then((b) => b.statistics(request));
  exportFile: DataBackend['exportFile'] = (order) => this.target.then((b) => b.exportFile(order));
  actor: DataBackend['actor'] = (id) => this.target.then((b) => b.actor(id));
  programme: DataBackend['programme'] = (id) => this.target.then((b) => b.programme(id));
  focus: DataBackend['focus'] = (request) => this.target.then((b) => b.focus(request));
  records: DataBackend['records'] = (indices) => this.target.then((b) => b.records(indices));
  catchUp: DataBackend['catchUp'] = () => this.target.then((b) => b.catchUp());
  progress: DataBackend['progress'] = () => this.target.then((b) => b.progress());
  dispose(): void {
    void this.target.then((b) => b.dispose());
  }
}

export function getBackend(): DataBackend {
  if (!backend) {
    backend =
      typeof Worker === 'undefined'
        ? new DeferredBackend()
        : new WorkerBackend(
            new Worker(new URL('./dataset-worker.ts', import.meta.url), {
              type: 'module',
              name: 'dataset',
            }),
          );
  }
  return backend;
}

/** Tests swap in their own backend. */
export function setBackend(next: DataBackend | null): void {
  backend?.dispose();
  backend = next;
}
