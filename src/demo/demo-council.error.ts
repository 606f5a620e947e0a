/** The demo data is wrong or the demo council is already there. Nothing has been written. */
export class DemoCouncilError extends Error {}
