/**
 * What a load run's answers were, by kind, so that a reader can judge a run: a count of errors says
 * little until it says which were refusals of what the tool sent (4xx, with the problem the app named),
 * which were the app failing (5xx), and which never came back in time (timeouts) or at all.
 */

/** How one request ended. `ok` is what the step expected (a page's 200, a form's redirect). */
export type OutcomeKind = 'ok' | 'client_error' | 'server_error' | 'timeout' | 'network' | 'unexpected';

export interface Outcome {
  kind: OutcomeKind;
  status: number;
  /** The problem the answer named (error summary, problem JSON or page heading); '' when ok. */
  cause: string;
}

/** One request's answer as the load tool saw it: status, content type, body, and where it redirected. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
  location?: string;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');

const plain = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The problem an answer names, in one line: problem JSON's title and detail; on a page, the GOV.UK
 * error summary's items (a form refused), else the heading and its first paragraph (an error page).
 */
export function problemOf(answer: Answer): string {
  if (/json/.test(answer.contentType)) {
    try {
      const problem = JSON.parse(answer.body) as { title?: unknown; detail?: unknown };
      const parts = [problem.title, problem.detail].filter((part) => typeof part === 'string' && part !== '');
      if (parts.length) return parts.join(': ');
    } catch {
      // Not JSON after all: fall through to the text.
    }
  }
  const summary = /<div[^>]*govuk-error-summary[\s\S]*?<ul[^>]*govuk-error-summary__list[^>]*>([\s\S]*?)<\/ul>/.exec(
    answer.body,
  );
  if (summary) {
    const items = [...summary[1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((item) => plain(item[1]!));
    if (items.length) return items.join(' | ');
  }
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>\s*(?:<p[^>]*>([\s\S]*?)<\/p>)?/.exec(answer.body);
  if (heading) return [plain(heading[1]!), heading[2] ? plain(heading[2]) : ''].filter(Boolean).join(': ');
  const text = plain(answer.body);
  return text ? text.slice(0, 200) : '(empty body)';
}

/**
 * Judges one answer: a page is expected to answer 200 and a form to redirect (302 or 303). A
 * redirect from a page (say, to sign-in) or a 200 from a form is `unexpected`, with where it went.
 */
export function outcomeOf(expect: 'page' | 'form', answer: Answer): Outcome {
  const { status } = answer;
  const wanted = expect === 'page' ? status === 200 : status === 302 || status === 303;
  if (wanted) return { kind: 'ok', status, cause: '' };
  if (status >= 500) return { kind: 'server_error', status, cause: problemOf(answer) };
  if (status >= 400) return { kind: 'client_error', status, cause: problemOf(answer) };
  if (status >= 300) return { kind: 'unexpected', status, cause: `redirected to ${answer.location ?? '(nowhere)'}` };
  return { kind: 'unexpected', status, cause: problemOf(answer) };
}

/** Tallies outcomes by step, status and cause, and says them as report lines and counts. */
export class OutcomeTally {
  private readonly groups = new Map<string, { step: string; outcome: Outcome; count: number }>();
  private readonly byKind = new Map<OutcomeKind, number>();

  add(step: string, outcome: Outcome): void {
    this.byKind.set(outcome.kind, (this.byKind.get(outcome.kind) ?? 0) + 1);
    if (outcome.kind === 'ok') return;
    const key = `${step}\u0000${outcome.kind}\u0000${outcome.status}\u0000${outcome.cause}`;
    const group = this.groups.get(key) ?? { step, outcome, count: 0 };
    group.count += 1;
    this.groups.set(key, group);
  }

  count(kind: OutcomeKind): number {
    return this.byKind.get(kind) ?? 0;
  }

  /** Every answer that was not ok. */
  errors(): number {
    return [...this.byKind].reduce((sum, [kind, n]) => (kind === 'ok' ? sum : sum + n), 0);
  }

  /** Counts for the results table: errors by kind, and by step and status. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {
      'errors.client_4xx': this.count('client_error'),
      'errors.server_5xx': this.count('server_error'),
      'errors.timeouts': this.count('timeout'),
      'errors.network': this.count('network'),
      'errors.unexpected_status': this.count('unexpected'),
    };
    for (const { step, outcome, count } of this.groups.values()) {
      const key = `errors.${step}_${outcome.kind === 'timeout' ? 'timeout' : outcome.status}`;
      counts[key] = (counts[key] ?? 0) + count;
    }
    return counts;
  }

  /**
   * A markdown table of the errors by step, status and cause, most frequent first; '' when none.
   * Causes often name the measure, so each step and status shows its `causesShown` commonest and
   * counts the rest in one line: a run with a hundred measures refused alike stays readable.
   */
  table(causesShown = 5): string {
    const rows = [...this.groups.values()].sort(
      (a, b) => a.step.localeCompare(b.step) || a.outcome.status - b.outcome.status || b.count - a.count,
    );
    if (rows.length === 0) return '';
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    const line = (step: string, outcome: Outcome, count: number, cause: string) =>
      `| ${step} | ${outcome.kind} | ${outcome.status || '—'} | ${count} | ${cause} |`;
    const byStatus = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = `${row.step} ${row.outcome.kind} ${row.outcome.status}`;
      byStatus.set(key, [...(byStatus.get(key) ?? []), row]);
    }
    const lines = [...byStatus.values()].flatMap((group) => {
      const others = group.slice(causesShown);
      const count = others.reduce((sum, row) => sum + row.count, 0);
      return [
        ...group.slice(0, causesShown).map((row) => line(row.step, row.outcome, row.count, cell(row.outcome.cause))),
        ...(others.length ? [line(group[0]!.step, group[0]!.outcome, count, `(${others.length} other problems)`)] : []),
      ];
    });
    return [
      '| Step | Kind | Status | Count | Problem named by the answer |',
      '| --- | --- | ---: | ---: | --- |',
      ...lines,
    ].join('\n');
  }
}
