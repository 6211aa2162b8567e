import { setupServer } from 'msw/node';

/** Tests add their handlers per case with server.use(...). */
export const server = setupServer();
