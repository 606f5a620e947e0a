/** Risk registers: the matrix, registers, risks, controls, reviews. Part of the English catalogue (../en.ts). */
export const risksWords = {
  risks: {
    scoreKinds: { inherent: 'inherent', current: 'current', target: 'target' },
    levels: {
      strategic: 'Strategic',
      directorate: 'Directorate',
      service: 'Service',
      project: 'Project',
      partnership: 'Partnership',
    },
    types: { threat: 'Threat', opportunity: 'Opportunity' },
    effectiveness: { effective: 'Effective', 'partly-effective': 'Partly effective', 'not-effective': 'Not effective' },
    frequencies: { monthly: 'Monthly', quarterly: 'Quarterly', 'six-monthly': 'Every six months' },
    statuses: { open: 'Open', closed: 'Closed' },
    events: {
      escalated: 'Escalated from {from} to {to}',
      'de-escalated': 'De-escalated from {from} to {to}',
      moved: 'Moved from {from} to {to}',
      closed: 'Closed',
    },
    errors: {
      likelihoodOffMatrix:
        'The {kind} likelihood must be a whole number from 1 to {size} (the matrix has {size} points), not {value}',
      impactOffMatrix:
        'The {kind} impact must be a whole number from 1 to {size} (the matrix has {size} points), not {value}',
      targetAboveInherent:
        'The target score ({target}) must not be higher than the inherent score ({inherent}): the target is what the controls aim for',
      reviewInPast: 'The next review date ({date}) must be today or later',
      ownerLeft: '{name} has left the council: choose an owner who works here',
      personNotFound: 'Choose an owner from the council’s people',
      unitNotFound: 'Choose a unit of the council',
      registerNotFound: 'Choose a register of the council',
      itemNotFound: 'A linked plan item was not found in this council',
      measureNotFound: 'A linked measure was not found in this council',
      actionNotFound: 'A linked action was not found in this council',
      categoryUnknown: 'Choose one of the council’s risk categories, not “{category}”',
      referenceTaken: 'The reference {reference} is already used by another risk of the council',
      sameRegister: 'The risk is already on {register}: choose another register',
      notHigher: '{register} is not above the risk’s register: to escalate, choose a higher register',
      notLower: '{register} is not below the risk’s register: to de-escalate, choose a lower register',
      closed: 'The risk is closed: reopen it before changing it',
      alreadyClosed: 'The risk is already closed',
      versionInUse:
        'Version {version} of the risk matrix is used by {count} assessments and cannot change: save the change as a new version',
      versionNotFound: 'Version {version} of the risk matrix was not found',
      appetiteOffMatrix: 'The appetite for {category} must be a score from 1 to {max}',
      notAllowed: 'You cannot change risks on this register',
      notAllowedToSee: 'You cannot see the risk registers',
      notAllowedToSeeSettings: 'You cannot see the risk settings',
      notAllowedSettings:
        'Only people who manage the framework for the whole council can change the risk matrix and appetite',
    },
    matrixErrors: {
      likelihoodCount: 'Give a likelihood word for each of the {size} points',
      impactCount: 'Give an impact word for each of the {size} points',
      likelihoodLabel: 'Enter a word for likelihood point {point}',
      impactLabel: 'Enter a word for impact point {point}',
      noBands: 'Enter at least one band',
      bandLabel: 'Enter a name for band {band}',
      bandGap: 'Band {label} must start at {from}, just after the band before it, with no gap or overlap',
      bandBackwards: 'Band {label} must end at or after where it starts',
      bandEmpty: 'Band {label} holds no score the matrix can give',
      bandsEnd: 'The last band must end at {max}, the highest score',
    },
    reminders: {
      subject: 'Risk review overdue: {reference} {title}',
      body: 'The review of risk {reference} “{title}” was due on {due} and is overdue.\n\nReview it here: {link}\n\nYou are receiving this because you own the risk.',
    },
  },
};
