/**
 * Typed path builders, used both to register routes (with ':id' placeholders) and to build links,
 * so a renamed URL cannot leave a dead link behind.
 */
const p = (id?: string) => id ?? ':id';

export const paths = {
  home: () => '/',
  signIn: () => '/sign-in',
  signOut: () => '/sign-out',
  setPassword: () => '/set-password',
  /** Asking for a link to reset a forgotten password (the link leads to setPassword). */
  forgotPassword: () => '/forgot-password',
  /** The second step of signing in for someone with a second factor. */
  signInCode: () => '/sign-in/code',
  health: () => '/health',
  /** The service status as a page for people (the footer's link); /health answers machines. */
  status: () => '/status',
  apiDocs: () => '/api/docs',
  openApi: () => '/api/openapi.json',

  /** The council's set-up: one page linking structure, people, bodies, partners and the framework. */
  council: () => '/council',
  /** Delivery in one place: actions, projects, improvement plans and recommendations. */
  delivery: () => '/delivery',
  /** Risk registers and the money in one place. */
  risksAndMoney: () => '/risks-and-money',
  units: () => '/units',
  newUnit: () => '/units/new',
  unit: (id?: string) => `/units/${p(id)}`,
  editUnit: (id?: string) => `/units/${p(id)}/edit`,

  portfolios: () => '/portfolios',
  newPortfolio: () => '/portfolios/new',
  portfolio: (id?: string) => `/portfolios/${p(id)}`,
  editPortfolio: (id?: string) => `/portfolios/${p(id)}/edit`,

  people: () => '/people',
  newPerson: () => '/people/new',
  person: (id?: string) => `/people/${p(id)}`,
  editPerson: (id?: string) => `/people/${p(id)}/edit`,
  personRoles: (id?: string) => `/people/${p(id)}/roles`,
  leavePerson: (id?: string) => `/people/${p(id)}/leave`,
  personPasswordLink: (id?: string) => `/people/${p(id)}/password-link`,
  endRole: (personId?: string, assignmentId?: string) =>
    `/people/${personId ?? ':id'}/roles/${assignmentId ?? ':assignmentId'}/end`,

  bodies: () => '/governance-bodies',
  newBody: () => '/governance-bodies/new',
  body: (id?: string) => `/governance-bodies/${p(id)}`,
  editBody: (id?: string) => `/governance-bodies/${p(id)}/edit`,
  bodyMembers: (id?: string) => `/governance-bodies/${p(id)}/members`,
  removeBodyMember: (id?: string, personId?: string) =>
    `/governance-bodies/${p(id)}/members/${personId ?? ':personId'}/remove`,

  partners: () => '/partners',
  newPartner: () => '/partners/new',
  partner: (id?: string) => `/partners/${p(id)}`,
  editPartner: (id?: string) => `/partners/${p(id)}/edit`,

  framework: () => '/framework',
  newPlanType: () => '/framework/plan-types/new',
  planType: (id?: string) => `/framework/plan-types/${p(id)}`,
  editPlanType: (id?: string) => `/framework/plan-types/${p(id)}/edit`,
  planTypeSteps: (id?: string) => `/framework/plan-types/${p(id)}/approval-steps`,
  planTypeStepAction: (id?: string, stepId?: string, action?: 'remove' | 'up' | 'down') =>
    `/framework/plan-types/${p(id)}/approval-steps/${stepId ?? ':stepId'}/${action ?? ':action'}`,
  planTypeStepDistinctPerson: (id?: string, stepId?: string) =>
    `/framework/plan-types/${p(id)}/approval-steps/${stepId ?? ':stepId'}/distinct-person`,
  planTypeSections: (id?: string) => `/framework/plan-types/${p(id)}/sections`,
  planTypeSectionAction: (id?: string, key?: string, action?: 'remove' | 'up' | 'down') =>
    `/framework/plan-types/${p(id)}/sections/${key ?? ':key'}/${action ?? ':action'}`,
  newItemType: () => '/framework/item-types/new',
  editItemType: (id?: string) => `/framework/item-types/${p(id)}/edit`,

  plans: () => '/plans',
  newPlan: () => '/plans/new',
  plan: (id?: string) => `/plans/${p(id)}`,
  editPlan: (id?: string) => `/plans/${p(id)}/edit`,
  planHistory: (id?: string) => `/plans/${p(id)}/history`,
  /** The plan's own document (seed 002's one-page service plan) in one of its formats. */
  planDocument: (id: string | undefined, format: 'html' | 'docx' | 'pdf' | 'xlsx') =>
    `/plans/${p(id)}/document.${format}`,
  planAction: (id?: string, action?: string) => `/plans/${p(id)}/${action ?? ':action'}`,
  newItem: (planId?: string) => `/plans/${p(planId)}/items/new`,

  item: (id?: string) => `/items/${p(id)}`,
  editItem: (id?: string) => `/items/${p(id)}/edit`,
  itemLinks: (id?: string) => `/items/${p(id)}/links`,
  removeItem: (id?: string) => `/items/${p(id)}/remove`,
  removeItemLink: (id?: string, linkId?: string) => `/items/${p(id)}/links/${linkId ?? ':linkId'}/remove`,

  /** Actions (activity trackers): the list, one action and its forms, and my actions. */
  actions: () => '/actions',
  myActions: () => '/actions/mine',
  newAction: () => '/actions/new',
  action: (id?: string) => `/actions/${p(id)}`,
  editAction: (id?: string) => `/actions/${p(id)}/edit`,
  actionProgress: (id?: string) => `/actions/${p(id)}/progress`,
  reviseActionDate: (id?: string) => `/actions/${p(id)}/revise-date`,
  actionRevisionDecision: (id?: string) => `/actions/${p(id)}/revise-date/decision`,
  closeAction: (id?: string) => `/actions/${p(id)}/close`,
  actionMilestones: (id?: string) => `/actions/${p(id)}/milestones`,
  completeActionMilestone: (id?: string, milestoneId?: string) =>
    `/actions/${p(id)}/milestones/${milestoneId ?? ':milestoneId'}/complete`,
  actionEscalationDecision: (id?: string, escalationId?: string) =>
    `/actions/${p(id)}/escalations/${escalationId ?? ':escalationId'}/decision`,
  actionsImport: () => '/actions/import',
  actionsExport: (format?: 'csv' | 'xlsx') => `/actions/export.${format ?? ':format'}`,
  /** Who approves revised dates, escalation thresholds and derived-status bands (administrators). */
  deliverySettings: () => '/framework/delivery-settings',

  measures: () => '/measures',
  newMeasure: () => '/measures/new',
  measure: (id?: string) => `/measures/${p(id)}`,
  editMeasure: (id?: string) => `/measures/${p(id)}/edit`,
  retireMeasure: (id?: string) => `/measures/${p(id)}/retire`,
  measureLinks: (id?: string) => `/measures/${p(id)}/links`,
  removeMeasureLink: (id?: string, itemId?: string) => `/measures/${p(id)}/links/${itemId ?? ':itemId'}/remove`,
  measureAssignees: (id?: string) => `/measures/${p(id)}/assignees`,
  removeMeasureAssignee: (id?: string, personId?: string) =>
    `/measures/${p(id)}/assignees/${personId ?? ':personId'}/remove`,
  measureBreakdowns: (id?: string) => `/measures/${p(id)}/breakdowns`,
  measureTargets: (id?: string) => `/measures/${p(id)}/targets`,
  reviseMeasureTarget: (id?: string, targetId?: string) =>
    `/measures/${p(id)}/targets/${targetId ?? ':targetId'}/revise`,

  myData: () => '/my-data',
  valueEntry: (id?: string, periodKey?: string) => `/measures/${p(id)}/values/${periodKey ?? ':periodKey'}`,
  valueAction: (id?: string, periodKey?: string) => `/measures/${p(id)}/values/${periodKey ?? ':periodKey'}/actions`,
  unitDataEntry: (id?: string) => `/units/${p(id)}/data-entry`,
  dataEntry: () => '/data-entry',
  /** How the council signs values off: submit → verify → approve, or submit → approve (administrators). */
  signOffSettings: () => '/framework/sign-off',
  /** The values waiting for me to verify or approve, oldest first. */
  signOffQueue: () => '/sign-off',
  imports: () => '/imports',
  exportFile: (file?: string) => `/api/v1/exports/${file ?? ':file'}`,

  apiTokens: () => '/account/api-tokens',
  revokeApiToken: (id?: string) => `/account/api-tokens/${p(id)}/revoke`,
  /** Your sessions: where you are signed in, each one ended with a button. */
  sessions: () => '/account/sessions',
  endSession: (id?: string) => `/account/sessions/${p(id)}/end`,
  endOtherSessions: () => '/account/sessions/end-others',
  /** Your second factor: turn on (with the secret and a code), recovery codes, turn off. */
  secondFactor: () => '/account/second-factor',
  secondFactorConfirm: () => '/account/second-factor/confirm',
  secondFactorOff: () => '/account/second-factor/off',
  secondFactorRecoveryCodes: () => '/account/second-factor/recovery-codes',
  /** The council's sign-in rules (administrators: a second factor required). */
  signInSettings: () => '/council/sign-in-settings',
  /** Signing in through the council's OpenID Connect provider: the buttons, the way out, the way back. */
  singleSignOn: () => '/sign-in/single-sign-on',
  singleSignOnStart: (id?: string) => `/sign-in/single-sign-on/${p(id)}/start`,
  singleSignOnCallback: () => '/sign-in/single-sign-on/callback',
  /** The council's provider and which group or role claims give which roles (administrators). */
  singleSignOnSettings: () => '/council/single-sign-on',
  singleSignOnMappings: () => '/council/single-sign-on/mappings',
  removeSingleSignOnMapping: (id?: string) => `/council/single-sign-on/mappings/${p(id)}/remove`,

  audit: () => '/audit',
  /** The filtered audit trail as a CSV file (the same filters as the page). */
  auditExport: () => '/audit/export.csv',

  performance: () => '/performance',
  performanceHealth: () => '/performance/health',
  /** The dashboard for a unit (a directorate, a service) and everything under it. */
  performanceUnit: (id?: string) => `/performance/units/${p(id)}`,
  /** The dashboard for a cabinet member's portfolio. */
  performancePortfolio: (id?: string) => `/performance/portfolios/${p(id)}`,
  /** The dashboard for a governance body's remit. */
  performanceBody: (id?: string) => `/performance/bodies/${p(id)}`,
  /** The dashboard for the measures I own, enter or verify. */
  performanceMine: () => '/performance/mine',
  /** The measures with their status, filtered by the query string (where every tile and count links). */
  performanceMeasures: () => '/performance/measures',
  /** Every return not entered by its due date, and the same as a CSV file. */
  overdueReturns: () => '/performance/overdue-returns',
  overdueReturnsCsv: () => '/performance/overdue-returns.csv',
  /** The council's roll-up rule, risk appetite and direction-of-travel tolerance (administrators). */
  performanceSettings: () => '/framework/performance-settings',
  /** When data is due, reminders and escalations, bank holidays and closure days (administrators). */
  collectionRules: () => '/collection-rules',
  periodClosures: () => '/period-closures',
  periodClosureAction: (action?: 'close' | 'reopen') => `/period-closures/${action ?? ':action'}`,

  /** The register of recommendations from audit, inspection, peer review, scrutiny and consultation. */
  recommendations: () => '/recommendations',
  newRecommendation: () => '/recommendations/new',
  recommendation: (id?: string) => `/recommendations/${p(id)}`,
  recommendationResponse: (id?: string) => `/recommendations/${p(id)}/response`,
  recommendationDueDate: (id?: string) => `/recommendations/${p(id)}/due-date`,
  recommendationStatus: (id?: string) => `/recommendations/${p(id)}/status`,
  closeRecommendation: (id?: string) => `/recommendations/${p(id)}/close`,
  recommendationReports: () => '/recommendations/reports',
  /** How many days overdue before a recommendation escalates to the unit head (administrators). */
  recommendationSettings: () => '/recommendations/settings',
  newRecommendationReport: () => '/recommendations/reports/new',
  recommendationReport: (id?: string) => `/recommendations/reports/${p(id)}`,
  importRecommendations: () => '/recommendations/import',
  exportRecommendations: (format: 'csv' | 'xlsx') => `/recommendations/export.${format}`,
  /** A new action answering a recommendation (the actions module's form, told what it answers). */
  newActionAnswering: (kind: 'recommendation', id: string) => `/actions/new?answers=${kind}:${id}`,
  /** The revenue summary: directorate → unit → cost centre for a financial year and period. */
  money: () => '/money',
  /** The revenue summary as a CSV file (the same year and period as the page). */
  moneyRevenueCsv: () => '/money/revenue.csv',
  costCentres: () => '/money/cost-centres',
  newCostCentre: () => '/money/cost-centres/new',
  /** One cost centre's budget line for a period (?year=2025&period=6): read, and edited by finance. */
  costCentreBudget: (id?: string) => `/money/cost-centres/${p(id)}/budget`,
  moneyImport: () => '/money/import',
  /** The council's variance bands: amber and red thresholds as a share of the revised budget. */
  varianceBands: () => '/money/variance-bands',
  /** One cost centre: rename, retire and the plan items it funds. */
  costCentre: (id?: string) => `/money/cost-centres/${p(id)}`,
  /** The capital programme for a year (?year=2025), each scheme's year, and the programme's import. */
  capital: () => '/money/capital',
  newCapitalScheme: () => '/money/capital/schemes/new',
  capitalScheme: (id?: string) => `/money/capital/schemes/${p(id)}`,
  capitalImport: () => '/money/capital/import',
  /** A scheme's reprofile requests (asked for here), and the decision on one of them. */
  capitalReprofiles: (id?: string) => `/money/capital/schemes/${p(id)}/reprofiles`,
  capitalReprofileDecision: (id?: string, reprofileId?: string) =>
    `/money/capital/schemes/${p(id)}/reprofiles/${reprofileId ?? ':reprofileId'}/decision`,
  /** Reserves and the borrowing position against the prudential indicators for a year. */
  reserves: () => '/money/reserves',
  newReserve: () => '/money/reserves/new',
  reserve: (id?: string) => `/money/reserves/${p(id)}`,
  borrowing: () => '/money/borrowing',
  /** The savings tracker for a year, and one saving's form. */
  savings: () => '/money/savings',
  newSaving: () => '/money/savings/new',
  saving: (id?: string) => `/money/savings/${p(id)}`,
  /** The medium-term financial strategy: a version per budget round, three years each. */
  mtfs: () => '/money/mtfs',
  newMtfs: () => '/money/mtfs/new',
  mtfsVersion: (id?: string) => `/money/mtfs/${p(id)}`,
  /** Improvement plans for adverse performance: the list, each plan, its forms, the work queue and settings. */
  improvementPlans: () => '/improvement-plans',
  /** The plans the signed-in person is asked for ("Improvement plans needed"). */
  improvementPlanRequests: () => '/improvement-plans/needed',
  newImprovementPlan: () => '/improvement-plans/new',
  improvementPlanSettings: () => '/improvement-plans/settings',
  improvementPlan: (id?: string) => `/improvement-plans/${p(id)}`,
  editImprovementPlan: (id?: string) => `/improvement-plans/${p(id)}/edit`,
  improvementPlanStep: (id?: string, step?: 'submit' | 'start') => `/improvement-plans/${p(id)}/${step ?? ':step'}`,
  improvementPlanDecision: (id?: string) => `/improvement-plans/${p(id)}/decision`,
  closeImprovementPlan: (id?: string) => `/improvement-plans/${p(id)}/close`,
  withdrawImprovementPlan: (id?: string) => `/improvement-plans/${p(id)}/withdraw`,
  /** The actions module's form for an action answering this plan. */
  newActionForImprovementPlan: (id?: string) => `/actions/new?answers=improvement-plan:${p(id)}`,
  programmes: () => '/programmes',
  newProgramme: () => '/programmes/new',
  programme: (id?: string) => `/programmes/${p(id)}`,
  editProgramme: (id?: string) => `/programmes/${p(id)}/edit`,
  projects: () => '/projects',
  /** The filtered project list as a CSV file (the same filters as the page). */
  projectsExport: () => '/projects/export.csv',
  newProject: () => '/projects/new',
  project: (id?: string) => `/projects/${p(id)}`,
  editProject: (id?: string) => `/projects/${p(id)}/edit`,
  projectAction: (id?: string, action?: string) => `/projects/${p(id)}/status/${action ?? ':action'}`,
  newProjectUpdate: (id?: string) => `/projects/${p(id)}/updates/new`,
  newProjectStage: (id?: string) => `/projects/${p(id)}/stages/new`,
  moveProjectStage: (id?: string, stageId?: string) => `/projects/${p(id)}/stages/${stageId ?? ':stageId'}/move`,
  newProjectMilestone: (id?: string) => `/projects/${p(id)}/milestones/new`,
  projectMilestoneAction: (id?: string, milestoneId?: string, action?: 'complete' | 'revise') =>
    `/projects/${p(id)}/milestones/${milestoneId ?? ':milestoneId'}/${action ?? ':action'}`,
  /** Risk registers (strategic, directorate, service, project, partnership) and their risks. */
  riskRegisters: () => '/risk-registers',
  newRiskRegister: () => '/risk-registers/new',
  riskRegister: (id?: string) => `/risk-registers/${p(id)}`,
  editRiskRegister: (id?: string) => `/risk-registers/${p(id)}/edit`,
  riskRegisterCsv: (id?: string) => `/risk-registers/${p(id)}/export.csv`,
  newRisk: (registerId?: string) => `/risk-registers/${p(registerId)}/risks/new`,
  risks: () => '/risks',
  risk: (id?: string) => `/risks/${p(id)}`,
  editRisk: (id?: string) => `/risks/${p(id)}/edit`,
  reassessRisk: (id?: string) => `/risks/${p(id)}/reassess`,
  newRiskControl: (id?: string) => `/risks/${p(id)}/controls/new`,
  editRiskControl: (id?: string, controlId?: string) => `/risks/${p(id)}/controls/${controlId ?? ':controlId'}/edit`,
  moveRisk: (id?: string, direction?: 'escalate' | 'de-escalate') => `/risks/${p(id)}/${direction ?? ':direction'}`,
  closeRisk: (id?: string) => `/risks/${p(id)}/close`,
  /** The objectives (plan items), measures and actions a risk concerns: search, then choose. */
  riskLinks: (id?: string) => `/risks/${p(id)}/links`,
  /** The council's risk matrix (versioned) and its appetite per category. */
  riskSettings: () => '/risk-settings',
  /** The committee cycle: governance bodies' meetings, agendas and decisions, members' requests. */
  meetings: () => '/meetings',
  newMeeting: () => '/meetings/new',
  importMeetings: () => '/meetings/import',
  meeting: (id?: string) => `/meetings/${p(id)}`,
  newAgendaItem: (meetingId?: string) => `/meetings/${p(meetingId)}/items/new`,
  agendaDecision: (itemId?: string) => `/agenda-items/${p(itemId)}/decision`,
  /** Papers uploaded to an agenda item (PDF or DOCX): the upload form, the download, the removal. */
  newAgendaPaper: (itemId?: string) => `/agenda-items/${p(itemId)}/papers/new`,
  agendaPaper: (id?: string) => `/agenda-papers/${p(id)}`,
  removeAgendaPaper: (id?: string) => `/agenda-papers/${p(id)}/remove`,
  memberRequests: () => '/member-requests',
  newMemberRequest: () => '/member-requests/new',
  memberRequest: (id?: string) => `/member-requests/${p(id)}`,
  answerMemberRequest: (id?: string) => `/member-requests/${p(id)}/answer`,
  closeMemberRequest: (id?: string) => `/member-requests/${p(id)}/close`,
  reopenMemberRequest: (id?: string) => `/member-requests/${p(id)}/reopen`,
  /** The planning timetable, worked back from committee dates, and the register of statutory returns. */
  timetable: () => '/timetable',
  committeeSettings: () => '/timetable/settings',
  statutoryReturns: () => '/statutory-returns',
  statutoryReturnStatus: (id?: string) => `/statutory-returns/${p(id)}/status`,
  /** The quarterly report: definitions, the draft for a period, the exception gate, issued reports and revisions. */
  reportDefinitions: () => '/reports',
  /** The council's report settings (the exception margin every report uses). */
  reportSettings: () => '/reports/settings',
  newReportDefinition: () => '/reports/new',
  reportDefinition: (id?: string) => `/reports/${p(id)}`,
  editReportDefinition: (id?: string) => `/reports/${p(id)}/edit`,
  reportDraft: (id?: string, periodKey?: string) => `/reports/${p(id)}/periods/${periodKey ?? ':periodKey'}`,
  reportGate: (id?: string, periodKey?: string) => `/reports/${p(id)}/periods/${periodKey ?? ':periodKey'}/gate`,
  issueReport: (id?: string, periodKey?: string) => `/reports/${p(id)}/periods/${periodKey ?? ':periodKey'}/issue`,
  /** A draft as a file, made on request and marked DRAFT (never the issued report's file). */
  reportDraftFile: (id: string | undefined, periodKey: string | undefined, format: 'html' | 'docx' | 'pdf' | 'xlsx') =>
    `/reports/${p(id)}/periods/${periodKey ?? ':periodKey'}/draft.${format}`,
  issuedReport: (id?: string) => `/issued-reports/${p(id)}`,
  /** An issued report as a file (its latest revision, or `?revision=`). */
  issuedReportFile: (id: string | undefined, format: 'html' | 'docx' | 'pdf' | 'xlsx') =>
    `/issued-reports/${p(id)}/report.${format}`,
  issuedReportRevision: (id?: string, revision?: number) =>
    `/issued-reports/${p(id)}/revisions/${revision ?? ':revision'}`,
  correctIssuedReport: (id?: string) => `/issued-reports/${p(id)}/correct`,
  /** Long work running in the background (a large import or report): its progress and result. */
  job: (id?: string) => `/jobs/${p(id)}`,
  /** The same as JSON, for scripts and the API (under /api/v1). */
  jobStatus: (id?: string) => `/api/v1/jobs/${p(id)}`,
};
