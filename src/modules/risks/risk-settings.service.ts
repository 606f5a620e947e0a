/**
 * The council's risk matrix (versioned: a version an assessment uses never changes, so a change
 * to it becomes the next version) and its categories with their appetite.
 */
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { fail, ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { mayForWholeOrganisation } from '../organisation/index.ts';
import { matrixChangeKind, matrixProblems, sameMatrix, type Category, type Matrix } from './domain/index.ts';
import {
  assessmentsUsing,
  findMatrixVersion,
  insertMatrix,
  loadCategories,
  loadCurrentMatrix,
  loadMatrixVersions,
  replaceCategories,
  replaceMatrix,
} from './data/matrix.repository.ts';
import { fromRefusal, mayRead, refusal } from './risk-checks.ts';

export interface MatrixVersionView {
  version: number;
  matrix: Matrix;
  usedBy: number;
  createdAt: Date | null;
}

export interface MatrixSaved {
  version: number;
  kind: 'revise' | 'new-version' | 'unchanged';
}

export function createRiskSettingsService({ db }: ServiceDeps) {
  const mayManage = (caller: Caller) => mayForWholeOrganisation(db, caller, 'manage:framework');
  const notAllowed = () => fail(refusal('forbidden', phrase('risks.errors.notAllowedSettings')));

  return {
    canManage: mayManage,

    async get(caller: Caller) {
      if (!mayRead(caller)) return forbidden(phraseText('risks.errors.notAllowedToSeeSettings'));
      const organisationId = caller.organisationId;
      const [current, stored, { categories, isDefault }] = await Promise.all([
        loadCurrentMatrix(db, organisationId),
        loadMatrixVersions(db, organisationId),
        loadCategories(db, organisationId),
      ]);
      const versions: MatrixVersionView[] = await Promise.all(
        stored.map(async (m) => ({
          version: m.version,
          matrix: m.matrix,
          usedBy: await assessmentsUsing(db, organisationId, m.id!),
          createdAt: m.createdAt,
        })),
      );
      return ok({ current, versions, categories, categoriesAreDefault: isDefault });
    },

    /** Saves the council's matrix: revises the current version if unused, else adds the next version. */
    async saveMatrix(caller: Caller, matrix: Matrix): Promise<Result<MatrixSaved>> {
      if (!(await mayManage(caller))) return notAllowed();
      const problems = matrixProblems(matrix);
      if (problems.length) return fail(fromRefusal(problems[0]!));
      const organisationId = caller.organisationId;
      return inTransaction<MatrixSaved>(db, async (tx) => {
        const current = await loadCurrentMatrix(tx, organisationId);
        if (current.id && sameMatrix(current.matrix, matrix))
          return ok({ version: current.version, kind: 'unchanged' });
        const kind = current.id ? matrixChangeKind(await assessmentsUsing(tx, organisationId, current.id)) : 'revise';
        const version = kind === 'new-version' ? current.version + 1 : current.version;
        if (current.id && kind === 'revise') await replaceMatrix(tx, current.id, matrix);
        else await insertMatrix(tx, organisationId, version, matrix, caller.personId);
        await recordAudit(tx, {
          organisationId,
          actor: actorOf(caller),
          entityType: 'risk-matrix',
          entityId: organisationId,
          action: kind === 'new-version' ? 'create' : 'update',
          oldValue: { version: current.version, ...current.matrix },
          newValue: { version, ...matrix },
        });
        return ok({ version, kind });
      });
    },

    /** Changes one version as it is: refused when any assessment uses it. */
    async reviseVersion(caller: Caller, version: number, matrix: Matrix): Promise<Result<{ version: number }>> {
      if (!(await mayManage(caller))) return notAllowed();
      const problems = matrixProblems(matrix);
      if (problems.length) return fail(fromRefusal(problems[0]!));
      const organisationId = caller.organisationId;
      return inTransaction(db, async (tx) => {
        const stored = await findMatrixVersion(tx, organisationId, version);
        if (!stored) return fail(refusal('not_found', phrase('risks.errors.versionNotFound', { version })));
        const used = await assessmentsUsing(tx, organisationId, stored.id!);
        if (used > 0) {
          return fail(refusal('conflict', phrase('risks.errors.versionInUse', { version, count: used }), 'version'));
        }
        await replaceMatrix(tx, stored.id!, matrix);
        await recordAudit(tx, {
          organisationId,
          actor: actorOf(caller),
          entityType: 'risk-matrix',
          entityId: organisationId,
          action: 'update',
          oldValue: { version, ...stored.matrix },
          newValue: { version, ...matrix },
        });
        return ok({ version });
      });
    },

    /** Replaces the council's categories and their appetite (a score on the current matrix, or none). */
    async saveCategories(caller: Caller, categories: Category[]): Promise<Result<{ count: number }>> {
      if (!(await mayManage(caller))) return notAllowed();
      const organisationId = caller.organisationId;
      return inTransaction(db, async (tx) => {
        const current = await loadCurrentMatrix(tx, organisationId);
        const max = current.matrix.size * current.matrix.size;
        for (const [index, category] of categories.entries()) {
          if (category.appetite !== null && (category.appetite < 1 || category.appetite > max)) {
            return fail(
              refusal(
                'invalid',
                phrase('risks.errors.appetiteOffMatrix', { category: category.name, max }),
                `categories.${index}.appetite`,
              ),
            );
          }
        }
        const before = await loadCategories(tx, organisationId);
        await replaceCategories(tx, organisationId, categories);
        await recordAudit(tx, {
          organisationId,
          actor: actorOf(caller),
          entityType: 'risk-appetite',
          entityId: organisationId,
          action: 'update',
          oldValue: before.categories,
          newValue: categories,
        });
        return ok({ count: categories.length });
      });
    },
  };
}
