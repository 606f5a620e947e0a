import { createServer } from 'node:net';

/** Why listening on an address was refused: taken by another program, or not allowed to this one. */
export function isPortRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}

/** The one line the server stops with when it cannot have its port: what to do, naming the port. */
export function portRefusedLine(host: string, port: number): string {
  return `Port ${port} on ${host} is already in use or not allowed: stop the program using it, or set PORT to another port.`;
}

/**
 * Whether the address can be listened on now. Asked before the database is opened and migrated,
 * so a port already in use stops start-up with one clear line instead of a stack trace after the
 * migrations. (Another program could still take the port in between: the server's listen then
 * stops with the same line, see src/server.ts.)
 */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (isPortRefusal(error)) resolve(false);
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * Listens, or answers the one line to stop with when the port was taken since `portIsFree` said
 * it was free (start-up opened the database meanwhile): the same line as the check's. Any other
 * failure is thrown as it is.
 */
export async function listenOrRefusal(
  listen: () => Promise<unknown>,
  host: string,
  port: number,
): Promise<string | undefined> {
  try {
    await listen();
    return undefined;
  } catch (error) {
    if (!isPortRefusal(error)) throw error;
    return portRefusedLine(host, port);
  }
}
