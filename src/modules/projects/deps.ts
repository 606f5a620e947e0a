/** What this module uses of earlier modules, through their public faces, in one place. */
export { mayForWholeOrganisation, unitAncestryIn } from '../organisation/index.ts';
