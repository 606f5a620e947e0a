import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.ts';

export async function measuresRoutes(app: FastifyInstance, { services }: { services: Services }) {
  void app;
  void services;
}
