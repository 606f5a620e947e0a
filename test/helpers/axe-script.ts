/**
 * axe-core for the browser tests, served by each test app at AXE_SCRIPT_PATH so that a page loads
 * it as a script of its own origin (the app's CSP allows 'self'). The browser keeps it in its cache
 * and V8 its compiled code, where sending its 500 KB source into every page checked cost Chromium
 * about 55 ms of CPU a page (docs/decisions/0017-headless-shell-for-browser-tests.md).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

/** Not a route of the app: answered before the app sees the request (see serveAxeScript). */
export const AXE_SCRIPT_PATH = '/__browser-tests/axe.min.js';

let source: string | undefined;

/** The axe-core that @axe-core/playwright itself depends on (the same version as before). */
export function axeSource(): string {
  if (source === undefined) {
    const axePlaywright = createRequire(import.meta.url).resolve('@axe-core/playwright');
    source = readFileSync(createRequire(axePlaywright).resolve('axe-core/axe.min.js'), 'utf8');
  }
  return source;
}

/**
 * Answers GET AXE_SCRIPT_PATH on the server and passes every other request on to the server's own
 * handler. A raw server's handler rather than a route, so that the app's routes (which the route
 * access and tenancy tests list) stay exactly the app's.
 */
export function serveAxeScript(server: Server): void {
  const handlers = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'GET' && request.url === AXE_SCRIPT_PATH) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
      response.end(axeSource());
      return;
    }
    for (const handler of handlers) handler.call(server, request, response);
  });
}
