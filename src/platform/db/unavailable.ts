/**
 * Whether an error means the database cannot be reached just now (PostgreSQL restarting, the network
 * to it down), as opposed to a fault in a query: the first is answered 503 and passes on its own.
 * Drizzle wraps the driver's error, so the causes are followed.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
/** admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is every connection exception. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
/**
 * Also pg's own refusals to use a connection that was lost (a transaction's ROLLBACK after its
 * connection dropped fails with these, hiding the first error) and the pool's wait for a connection.
 */
const MESSAGES =
  /Connection terminated|connection timeout|Connection ended|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth += 1) {
    if (typeof cause !== 'object') return false;
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08/.test(code))) {
      return true;
    }
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    // AggregateError (a refused connection to each address of localhost) carries its errors too.
    const inner = (cause as { errors?: unknown[] }).errors?.[0];
    cause = (cause as { cause?: unknown }).cause ?? inner;
  }
  return false;
}
