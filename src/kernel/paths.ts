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
  health: () => '/health',
  /** The service status as a page for people (the footer's link); /health answers machines. */
  status: () => '/status',
  apiDocs: () => '/api/docs',
  openApi: () => '/api/openapi.json',

  /** The council's set-up: one page linking structure, people, bodies, partners and the framework. */
  council: () => '/council',
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
  planAction: (id?: string, action?: string) => `/plans/${p(id)}/${action ?? ':action'}`,
  newItem: (planId?: string) => `/plans/${p(planId)}/items/new`,

  item: (id?: string) => `/items/${p(id)}`,
  editItem: (id?: string) => `/items/${p(id)}/edit`,
  itemLinks: (id?: string) => `/items/${p(id)}/links`,
  removeItem: (id?: string) => `/items/${p(id)}/remove`,
  removeItemLink: (id?: string, linkId?: string) => `/items/${p(id)}/links/${linkId ?? ':linkId'}/remove`,

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

  audit: () => '/audit',
  /** The filtered audit trail as a CSV file (the same filters as the page). */
  auditExport: () => '/audit/export.csv',

  performance: () => '/performance',
  performanceHealth: () => '/performance/health',
  /** The council's roll-up rule, risk appetite and direction-of-travel tolerance (administrators). */
  performanceSettings: () => '/framework/performance-settings',
  /** When data is due, reminders and escalations, bank holidays and closure days (administrators). */
  collectionRules: () => '/collection-rules',
  periodClosures: () => '/period-closures',
  periodClosureAction: (action?: 'close' | 'reopen') => `/period-closures/${action ?? ':action'}`,

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
  /** The council's risk matrix (versioned) and its appetite per category. */
  riskSettings: () => '/risk-settings',
};
