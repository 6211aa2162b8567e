/**
 * JavaScript heap of a page and of its dedicated workers, after a forced garbage collection,
 * through the Chrome DevTools Protocol.
 *
 * Workers have isolates (and heaps) of their own, which the page's Runtime.getHeapUsage does not
 * see. Playwright exposes no CDP session for a worker, so this one auto-attaches to the page's
 * workers in non-flattened mode and talks to them through Target.sendMessageToTarget.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface HeapUsage {
  /** Bytes used on the page's main thread. */
  main: number;
  /** Bytes used per worker, by script URL (several MapLibre workers share one URL). */
  workers: { url: string; name: string; used: number }[];
}

interface Attached {
  url: string;
  name: string;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: { message: string };
}

export class HeapProbe {
  private readonly workers = new Map<string, Attached>();
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private nextId = 1;

  private constructor(private readonly session: CDPSession) {
    session.on('Target.attachedToTarget', (event) => {
      const { targetInfo, sessionId } = event;
      if (targetInfo.type === 'worker')
        this.workers.set(sessionId, { url: targetInfo.url, name: targetInfo.title });
    });
    session.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId) this.workers.delete(event.sessionId);
    });
    session.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as Partial<Reply>;
      if (typeof reply.id !== 'number') return;
      const done = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      done?.(reply as Reply);
    });
  }

  static async attach(context: BrowserContext, page: Page): Promise<HeapProbe> {
    const session = await context.newCDPSession(page);
    const probe = new HeapProbe(session);
    await session.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    return probe;
  }

  private sendToWorker(sessionId: string, method: string, params = {}): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer from the worker`));
      }, 30_000);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.session
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          this.pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  /** Collects garbage everywhere (twice: finalizers can free more), then reads the heaps. */
  async measure(): Promise<HeapUsage> {
    const workers = [...this.workers.entries()];
    for (let pass = 0; pass < 2; pass++) {
      await this.session.send('HeapProfiler.collectGarbage');
      await Promise.all(
        workers.map(([id]) =>
          this.sendToWorker(id, 'HeapProfiler.collectGarbage').catch(() => undefined),
        ),
      );
    }
    const main = (await this.session.send('Runtime.getHeapUsage')).usedSize;
    const measured = await Promise.all(
      workers.map(async ([id, info]) => {
        try {
          const reply = await this.sendToWorker(id, 'Runtime.getHeapUsage');
          const used = (reply.result as { usedSize?: number } | undefined)?.usedSize;
          return used === undefined ? null : { ...info, used };
        } catch {
          return null; // the worker ended meanwhile
        }
      }),
    );
    return { main, workers: measured.filter((w) => w !== null) };
  }

  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
