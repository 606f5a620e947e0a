/**
 * A port another program takes between the start-up check and the server's listen (start-up opens
 * and migrates the database in between) stops the server with the same one line as the check.
 * Fastify's own listen is used, so a change in what it throws would be caught here.
 */
import Fastify from 'fastify';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOrRefusal, portRefusedLine } from './port-check.ts';

describe('a port taken between the check and the listen', () => {
  let held: Server;
  let port: number;

  beforeAll(async () => {
    held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    port = (held.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => held.close(resolve)));

  it('gives the one clear line naming the port, as the check does', async () => {
    const app = Fastify();
    try {
      const line = await listenOrRefusal(() => app.listen({ port, host: '127.0.0.1' }), '127.0.0.1', port);
      expect(line).toBe(portRefusedLine('127.0.0.1', port));
      expect(line).toBe(
        `Port ${port} on 127.0.0.1 is already in use or not allowed: stop the program using it, or set PORT to another port.`,
      );
    } finally {
      await app.close();
    }
  });

  it('listens when the port is free, and passes other failures on unchanged', async () => {
    const app = Fastify();
    try {
      expect(await listenOrRefusal(() => app.listen({ port: 0, host: '127.0.0.1' }), '127.0.0.1', 0)).toBeUndefined();
      expect(app.server.listening).toBe(true);
    } finally {
      await app.close();
    }
    const broken = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere'), { code: 'ENOTFOUND' });
    await expect(listenOrRefusal(() => Promise.reject(broken), 'nowhere', 3000)).rejects.toBe(broken);
  });
});
