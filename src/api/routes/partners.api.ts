import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.ts';

export async function partnersApi(app: FastifyInstance, { services }: { services: Services }) {
  void app;
  void services;
}
