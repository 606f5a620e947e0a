import type { FastifyRequest } from 'fastify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is simply a page that does not exist: the nil UUID matches no row. */
export function idParam(request: FastifyRequest, name = 'id'): { id: string } {
  const value = (request.params as Record<string, string | undefined>)[name] ?? '';
  return { id: UUID.test(value) ? value : '00000000-0000-0000-0000-000000000000' };
}
