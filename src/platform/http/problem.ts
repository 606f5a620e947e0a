import type { FastifyReply } from 'fastify';
import { STATUS_FOR } from './http-status.ts';
import type { DomainError } from '../../kernel/result.ts';
import { sayStored } from '../words/index.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

/** RFC 9457 problem details for a service's refusal (its message said in words), naming the field when there is one. */
export function sendProblem(reply: FastifyReply, error: DomainError): FastifyReply {
  const status = STATUS_FOR[error.code];
  const message = sayStored(error.message);
  return reply
    .code(status)
    .type('application/problem+json')
    .send(
      problem(status, message, {
        code: error.code,
        ...(error.field ? { errors: [{ field: error.field, message }] } : {}),
      }),
    );
}
