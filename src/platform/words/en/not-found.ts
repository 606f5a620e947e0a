/**
 * What a person is told when a record they asked for is not there (or belongs to another council,
 * which is refused the same way): `notFound('plan')` in src/platform/services/errors.ts. Whole
 * sentences rather than a noun and "was not found", so that another language can word each its own
 * way. Part of the English catalogue (../en.ts).
 */
export const notFoundWords = {
  notFound: {
    action: 'Action was not found',
    apiToken: 'API token was not found',
    approvalStep: 'Approval step was not found',
    breakdownCategory: 'Breakdown category was not found',
    capitalScheme: 'The capital scheme was not found',
    contributionLink: 'Contribution link was not found',
    control: 'The control was not found',
    costCentre: 'The cost centre was not found',
    costCentreLink: 'The link was not found',
    escalation: 'Escalation was not found',
    financialPeriod: 'The period was not found',
    financialYear: 'The year was not found',
    governanceBody: 'Governance body was not found',
    improvementPlan: 'Improvement plan was not found',
    item: 'Item was not found',
    itemType: 'Item type was not found',
    measure: 'Measure was not found',
    member: 'Member was not found',
    milestone: 'Milestone was not found',
    mtfs: 'The MTFS was not found',
    mtfsYear: 'The MTFS year was not found',
    partner: 'Partner was not found',
    period: 'Period was not found',
    person: 'Person was not found',
    plan: 'Plan was not found',
    planItem: 'The plan item was not found',
    planType: 'Plan type was not found',
    portfolio: 'Portfolio was not found',
    programme: 'Programme was not found',
    project: 'Project was not found',
    recommendation: 'Recommendation was not found',
    report: 'Report was not found',
    reprofile: 'The reprofile was not found',
    reserve: 'The reserve was not found',
    risk: 'The risk was not found',
    riskRegister: 'The risk register was not found',
    roleAssignment: 'Role assignment was not found',
    saving: 'The saving was not found',
    savingAction: 'The action was not found',
    section: 'Section was not found',
    stage: 'Stage was not found',
    target: 'Target was not found',
    unit: 'Unit was not found',
    unitPortfolioOrBody: 'The unit, portfolio or body was not found',
    value: 'Value was not found',
  },
};

/** The things a service can say were not found. */
export type NotFoundThing = keyof typeof notFoundWords.notFound;
