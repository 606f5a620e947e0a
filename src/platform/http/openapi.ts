import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the zod schemas of the /api/v1 routes; pages are left out. */
export const openApi = fp(
  async (app: FastifyInstance, options: { baseUrl: string }) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Golden Thread API',
          version: '1.0.0',
          description:
            'The JSON API of Golden Thread. Authenticate with an API token (Authorization: Bearer …) created under Your API tokens. Errors are RFC 9457 problem details naming the field and the reason.',
        },
        servers: [{ url: options.baseUrl }],
        components: { securitySchemes: { apiToken: { type: 'http', scheme: 'bearer' } } },
        security: [{ apiToken: [] }],
      },
      transform: (input) => {
        if (!input.url.startsWith('/api/v1')) return { schema: { ...input.schema, hide: true }, url: input.url };
        return jsonSchemaTransform(input);
      },
      transformObject: jsonSchemaTransformObject,
    });
  },
  { name: 'openapi' },
);
