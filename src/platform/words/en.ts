/**
 * Every word the product shows a person, in English: one catalogue, so the words are written once
 * and a Welsh catalogue (cy.ts, the same shape) can be added beside it. The domain returns codes
 * and parameters; presenters and templates turn them into these words. Placeholders are {name}.
 * Each area's words are a file in en/ (one per module or concern), gathered here; a new module
 * adds its file and one line below. Section names must not repeat across files.
 */
import { actionsWords } from './en/actions.ts';
import { actionsPagesWords } from './en/actions-pages.ts';
import { committeeDeadlinesWords, committeePapersWords, committeesWords } from './en/committees.ts';
import { documentsWords } from './en/documents.ts';
import { figuresWords } from './en/figures.ts';
import { moneyWords } from './en/money.ts';
import { moneyProgrammeWords } from './en/money-programme.ts';
import { moneyPagesWords } from './en/money-pages.ts';
import { moneyProgrammePagesWords } from './en/money-programme-pages.ts';
import { moneyRefusalsWords } from './en/money-refusals.ts';
import { improvementPlansWords } from './en/improvement-plans.ts';
import { improvementPlansPagesWords } from './en/improvement-plans-pages.ts';
import { levelViewsWords } from './en/level-views.ts';
import { performanceWords, spcInterpretationWords } from './en/performance.ts';
import { planDocumentWords } from './en/plan-document.ts';
import { plansWords } from './en/plans.ts';
import { plansPagesWords } from './en/plans-pages.ts';
import { plansRefusalsWords } from './en/plans-refusals.ts';
import { frameworkWords } from './en/framework.ts';
import { organisationWords } from './en/organisation.ts';
import { organisationRefusalsWords } from './en/organisation-refusals.ts';
import { homeWords } from './en/home.ts';
import { projectsWords } from './en/projects.ts';
import { projectsPagesWords } from './en/projects-pages.ts';
import { risksWords } from './en/risks.ts';
import { risksPagesWords } from './en/risks-pages.ts';
import { statusesWords } from './en/statuses.ts';
import { recommendationsWords } from './en/recommendations.ts';
import { recommendationsPagesWords } from './en/recommendations-pages.ts';
import { reportsWords } from './en/reports.ts';
import { validationWords } from './en/validation.ts';
import { roleWords } from './en/roles.ts';
import { signInWords } from './en/sign-in.ts';
import { singleSignOnWords } from './en/single-sign-on.ts';
import { importsWords } from './en/imports.ts';
import { importsRefusalsWords } from './en/imports-refusals.ts';
import { jobsWords } from './en/jobs.ts';
import { notFoundWords } from './en/not-found.ts';
import { auditWords } from './en/audit.ts';
import { collectionWords } from './en/collection.ts';
import { measuresWords } from './en/measures.ts';
import { measureRefusalsWords } from './en/measure-refusals.ts';
import { collectionRefusalsWords } from './en/collection-refusals.ts';
import { performancePagesWords } from './en/performance-pages.ts';
import { performanceSettingsWords } from './en/performance-settings.ts';
import { platformWords } from './en/platform.ts';

export const en = {
  ...statusesWords,
  ...figuresWords,
  ...performanceWords,
  ...recommendationsWords,
  ...recommendationsPagesWords,
  ...moneyWords,
  ...moneyProgrammeWords,
  ...moneyPagesWords,
  ...moneyProgrammePagesWords,
  ...moneyRefusalsWords,
  ...improvementPlansWords,
  ...improvementPlansPagesWords,
  ...validationWords,
  ...roleWords,
  ...projectsWords,
  ...projectsPagesWords,
  ...actionsWords,
  ...actionsPagesWords,
  ...risksWords,
  ...risksPagesWords,
  ...committeesWords,
  ...committeeDeadlinesWords,
  ...committeePapersWords,
  ...documentsWords,
  ...planDocumentWords,
  ...levelViewsWords,
  ...signInWords,
  ...singleSignOnWords,
  ...reportsWords,
  ...jobsWords,
  ...notFoundWords,
  ...importsWords,
  ...importsRefusalsWords,
  ...plansWords,
  ...plansPagesWords,
  ...plansRefusalsWords,
  ...frameworkWords,
  ...organisationWords,
  ...organisationRefusalsWords,
  ...homeWords,
  ...spcInterpretationWords,
  ...auditWords,
  ...collectionWords,
  ...measuresWords,
  ...measureRefusalsWords,
  ...collectionRefusalsWords,
  ...performancePagesWords,
  ...performanceSettingsWords,
  ...platformWords,
};
