/**
 * Projects feed the roll-up of the plan items they contribute to, through the port performance
 * owns (filled in the composition root): one contribution per (open project, item).
 */
import { paths } from '../../kernel/paths.ts';
import { londonDateOf, systemClock, type Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { RollupContribution, RollupContributions } from '../performance/index.ts';
import * as repo from './data/projects.repository.ts';
import { projectContribution, reportStandingOn } from './domain/index.ts';

/**
 * Contributions judged against the clock's today (late once the end date in force has passed), or
 * on a past date (`on`) with the highlight report that stood then (reportStandingOn).
 */
export function createProjectRollupContributions(clock: Clock): RollupContributions {
  return {
    async contributionsTo(db, organisationId, itemIds, on) {
      const links = await repo.contributingProjects(db, organisationId, itemIds);
      const ids = [...new Set(links.map((link) => link.id))];
      const past = on !== undefined && on < clock.today() ? on : null;
      const today = past ?? clock.today();
      const latest = past
        ? await reportsStandingOn(db, organisationId, ids, past)
        : await repo.latestUpdates(db, organisationId, ids);
      const contributions: RollupContribution[] = [];
      for (const link of links) {
        // A project created after the date did not contribute then.
        if (past && londonDateOf(link.createdAt) > past) continue;
        const report = latest.get(link.id) ?? null;
        const judged = projectContribution(link, report, today);
        if (!judged) continue;
        contributions.push({
          itemId: link.itemId,
          id: link.id,
          kind: 'project',
          code: link.code,
          title: link.title,
          status: judged.status,
          onTargetInTime: judged.onTargetInTime,
          key: link.key,
          href: paths.project(link.id),
        });
      }
      return contributions;
    },
  };
}

/** The port's implementation on the system clock; the composition root may pass its own clock instead. */
export const projectRollupContributions: RollupContributions = createProjectRollupContributions(systemClock);

/** Each project's highlight report that stood at the end of the date, by project. */
async function reportsStandingOn(db: Db, organisationId: string, projectIds: readonly string[], on: string) {
  const standing = new Map<string, repo.UpdateRow>();
  const rows = await repo.updatesOfProjects(db, organisationId, projectIds);
  for (const projectId of projectIds) {
    const dated = rows
      .filter((row) => row.projectId === projectId)
      .map((row) => ({ ...row, recordedOn: londonDateOf(row.createdAt) }));
    const found = reportStandingOn(dated, on);
    if (found) standing.set(projectId, found);
  }
  return standing;
}
