/** Projects and programmes: statuses, the four dimensions of a highlight report, lifecycle steps. Part of the English catalogue (../en.ts). */
export const projectsWords = {
  projectStatus: {
    proposed: 'Proposed',
    active: 'Active',
    'on-hold': 'On hold',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
  projectDimension: {
    time: 'Time',
    cost: 'Cost',
    scope: 'Scope',
    quality: 'Quality',
    overall: 'Overall',
  },
  /** The button (and page title) for each step of a project's lifecycle. */
  projectAction: {
    start: 'Start the project',
    hold: 'Put the project on hold',
    resume: 'Resume the project',
    close: 'Close the project',
    cancel: 'Cancel the project',
  },
  /** What the flash message says once the step is taken. */
  projectActionDone: {
    start: 'Project started',
    hold: 'Project put on hold',
    resume: 'Project resumed',
    close: 'Project closed',
    cancel: 'Project cancelled',
  },
  projectMilestone: {
    complete: 'Complete',
    open: 'Open',
    overdue: 'Overdue',
    noStage: 'Not in a stage',
  },
};
