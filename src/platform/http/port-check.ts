import { createServer } from 'node:net';

/**
 * Whether the address can be listened on now. Asked before the database is opened and migrated,
 * so a port already in use stops start-up with one clear line instead of a stack trace after the
 * migrations. (Another program could still take the port in between; listen then fails as before.)
 */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
