/**
 * The home page, the hub pages (council, delivery, risks and money) and the service status page.
 * Part of the English catalogue (../en.ts).
 */
export const homeWords = {
  homePages: {
    /** The pages' titles (the browser tab and the heading). */
    titles: {
      council: 'Your council',
      status: 'Service status',
      delivery: 'Delivery',
      risksAndMoney: 'Risks and money',
    },
    council: {
      howYourCouncilOrganisedHow: 'How your council is organised and how its performance framework works.',
      organisation: 'Organisation',
      structure: 'Structure',
      directoratesServicesTeamsWhoHeads: 'Directorates, services and teams, and who heads them',
      people: 'People',
      staffCouncillorsTheirRolesWhere: 'Staff and councillors, their roles and where they hold them',
      portfolios: 'Portfolios',
      cabinetMembersAreasResponsibility: "Cabinet members' areas of responsibility",
      governanceBodies: 'Governance bodies',
      cabinetScrutinyPanelsCommitteesTheir: 'Cabinet, scrutiny, panels and committees, and their members',
      signRules: 'Sign-in rules',
      whetherAdministratorsMustSignSecond: 'Whether administrators must sign in with a second factor',
      partners: 'Partners',
      organisationsDeliverCouncil: 'Organisations that deliver with the council',
      framework: 'Framework',
      performanceFramework: 'Performance framework',
      planTypesTheirLevelsApproval: 'Plan types, their levels and approval steps',
      signOffFigures: 'Sign-off of figures',
      whoChecksApprovesEachFigure: 'Who checks and approves each figure before it counts',
      collectionRules: 'Collection rules',
      whenReturnsAreDueReminders: 'When returns are due, reminders and escalation',
      performanceSettings: 'Performance settings',
      tolerancesFromWhichSignOff: 'Tolerances and from which sign-off a figure is official',
      improvementPlanSettings: 'Improvement plan settings',
      panelAgreesPlansWhenKey: 'The panel that agrees plans, and when a key measure needs one',
      deliverySettings: 'Delivery settings',
      whenActionRiskOffTrack: 'When an action is at risk or off track, when it escalates, and who approves a new date',
      accountability: 'Accountability',
      auditTrail: 'Audit trail',
      everyChangeCouncilSFigures: "Every change to the council's figures, plans, risks and money: who, what and when",
    },
    delivery: {
      howCouncilSPlansAre: "How the council's plans are being delivered, and what it has agreed to put right.",
      actionsProjects: 'Actions and projects',
      myActions: 'My actions',
      actionsYouOwnAreAssigned: 'Actions you own, are assigned to or must decide on as escalation owner',
      actions: 'Actions',
      everyActionProgressStatusDue: 'Every action, its progress, status and due date',
      projects: 'Projects',
      projectsTheirStagesMilestonesHighlight: 'Projects with their stages, milestones and highlight reports',
      programmes: 'Programmes',
      groupsProjectsSponsorManager: 'Groups of projects with a sponsor and a manager',
      puttingThingsRight: 'Putting things right',
      improvementPlans: 'Improvement plans',
      plansMeasuresStayRedAgreed: "Plans for measures that stay red, agreed by the council's panel",
      improvementPlansNeeded: 'Improvement plans needed',
      measuresYoursNeedPlan: 'Measures of yours that need a plan',
      recommendations: 'Recommendations',
      fromAuditInspectionPeerReview:
        'From audit, inspection, peer review, scrutiny and consultation, tracked to closure',
    },
    index: {
      home: 'Home',
      welcome: 'Welcome, {name}',
      waitingYou: 'Waiting for you',
      noPlansAreWaitingYour: 'No plans are waiting for your approval.',
      yourDataReturns: 'Your data returns',
      /** {link} is the link to the data returns. */
      dataReturns: '{link}: what is due, overdue or returned to you.',
      goTo: 'Go to',
      yourApiTokens: 'Your API tokens',
      yourSessions: 'Your sessions',
      yourSecondFactor: 'Your second factor',
      goldenThread: 'Golden Thread',
      goldenThreadFromCommunityStrategy:
        'The golden thread from community strategy to individual objectives: plans, measures and performance in one place.',
      signIn: 'Sign in',
      /** {link} is the sign-in link. */
      signInToSee: "{link} to see and manage your council's plans and performance.",
    },
    risksAndMoney: {
      risksCouncilSObjectivesMoney: "The risks to the council's objectives and the money behind them.",
      yourRoleDoesNotInclude:
        "Your role does not include the risk registers or the council's money. Ask an administrator if you need them.",
      risks: 'Risks',
      riskRegisters: 'Risk registers',
      strategicDirectorateServiceProjectPartnership:
        'Strategic, directorate, service, project and partnership registers with their heat maps',
      allRisks: 'All risks',
      everyOpenRiskFiltersBeyond: 'Every open risk, with filters for beyond appetite and overdue reviews',
      riskMatrixAppetite: 'Risk matrix and appetite',
      councilSMatrixScoreBands: "The council's matrix, its score bands and its appetite per category",
      money: 'Money',
      revenueMonitoring: 'Revenue monitoring',
      budgetForecastOutturnVarianceDirectorate:
        'Budget, forecast outturn and variance by directorate, unit and cost centre',
      costCentres: 'Cost centres',
      eachCostCentreSBudget: "Each cost centre's budget lines month by month",
    },
    status: {
      working: 'Working',
      goldenThreadWorkingPagesLoad: 'Golden Thread is working: pages load and the database answers.',
      notWorking: 'Not working',
      databaseNotAnsweringSoFigures:
        "The database is not answering, so figures cannot be read or saved. Try again in a few minutes, and tell your council's IT service desk if this lasts.",
      /** {path} is the health check's path, as code. */
      monitoringToolsCanCheck: 'Monitoring tools can check {path}, which answers in JSON.',
    },
  },
};
