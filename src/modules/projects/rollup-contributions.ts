/**
 * Projects feed the roll-up of the plan items they contribute to, through the port performance
 * owns (filled in the composition root): one contribution per (open project, item).
 */
import { paths } from '../../kernel/paths.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { RollupContribution, RollupContributions } from '../performance/index.ts';
import * as repo from './data/projects.repository.ts';
import { projectContribution } from './domain/index.ts';

/** Contributions judged against the clock's today (late once the end date in force has passed). */
export function createProjectRollupContributions(clock: Clock): RollupContributions {
  return {
    async contributionsTo(db, organisationId, itemIds) {
      const links = await repo.contributingProjects(db, organisationId, itemIds);
      const latest = await repo.latestUpdates(db, organisationId, [...new Set(links.map((link) => link.id))]);
      const today = clock.today();
      const contributions: RollupContribution[] = [];
      for (const link of links) {
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
