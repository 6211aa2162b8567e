/**
 * The dataset's own thread: fetches, validates and indexes the data and answers queries, so the
 * page stays responsive whatever the dataset's size.
 */
import { LocalBackend } from './backend.ts';
import { serveBackend, type MessageEndpoint } from './worker-host.ts';

serveBackend(new LocalBackend(), self as unknown as MessageEndpoint);
