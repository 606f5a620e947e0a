/**
 * The names files were uploaded under. @fastify/multipart with `attachFieldsToBody: 'keyValues'`
 * (src/app.ts) gives a route each file's bytes as a Buffer and drops the part's file name; this
 * keeps the name, read from the multipart file part as it is buffered, for the routes that want it
 * (an agenda item's paper keeps the name it was uploaded with).
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

const namesByRequest = new WeakMap<FastifyRequest, Map<string, string>>();

/** The multipart plugin's onFile: buffer the part (as the plugin does without one), keep its name. */
export async function keepUploadedFileName(this: FastifyRequest, part: MultipartFile): Promise<void> {
  await part.toBuffer();
  const names = namesByRequest.get(this) ?? new Map<string, string>();
  if (part.filename) names.set(part.fieldname, part.filename);
  namesByRequest.set(this, names);
}

/** The name the browser sent with the file in a form field, or '' when there was none. */
export function uploadedFileName(request: FastifyRequest, field: string): string {
  return namesByRequest.get(request)?.get(field) ?? '';
}
