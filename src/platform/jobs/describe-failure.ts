/**
 * A failure in words for a log line: what went wrong at the bottom, with its code, and which
 * statement it stopped. Drizzle wraps the driver's error in "Failed query: <the SQL> params: …",
 * so the message alone named the query and hid the cause (a pool that waited too long for a
 * connection, PostgreSQL refusing): a queue that could not look for jobs under overload logged
 * the same unhelpful line every few seconds (issue #21). The query's parameters are left out, as
 * in the server's own log (they can be a person's details).
 */
const MOST_CAUSES = 5;
const STATEMENT_CHARACTERS = 60;

interface Failure {
  message?: unknown;
  code?: unknown;
  query?: unknown;
  cause?: unknown;
  errors?: unknown[];
}

/** The error and the errors it wraps, outermost first (an AggregateError's first error counts). */
function causesOf(error: unknown): Failure[] {
  const causes: Failure[] = [];
  for (let cause = error; cause && typeof cause === 'object' && causes.length < MOST_CAUSES;) {
    const failure = cause as Failure;
    causes.push(failure);
    cause = failure.cause ?? failure.errors?.[0];
  }
  return causes;
}

/** The start of a statement on one line, e.g. "UPDATE background_jobs SET state = 'failed', phase…". */
function statementOpening(query: string): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > STATEMENT_CHARACTERS ? `${line.slice(0, STATEMENT_CHARACTERS)}…` : line;
}

export function describeFailure(error: unknown): string {
  const causes = causesOf(error);
  const innermostFirst = [...causes].reverse();
  // The innermost cause that says something: an AggregateError's own message is often empty.
  const said = innermostFirst.find((cause) => typeof cause.message === 'string' && cause.message !== '');
  if (!said) return String(error);
  const code = innermostFirst.find((cause) => typeof cause.code === 'string')?.code;
  const query = causes.find((cause) => typeof cause.query === 'string')?.query;
  // A query's own error, with nothing beneath it, is said without its parameters.
  const reason = typeof said.query === 'string' ? 'Failed query' : String(said.message);
  const withCode = typeof code === 'string' && !reason.includes(code) ? `${reason} (${code})` : reason;
  return typeof query === 'string' ? `${withCode}, in ${statementOpening(query)}` : withCode;
}
