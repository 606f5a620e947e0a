import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import type { SecretBox } from './secret-box.ts';

/** What this module's services are built with (services.ts assembles it). */
export interface SingleSignOnDeps extends ServiceDeps {
  box: SecretBox;
  /** Starts a session for a person the provider vouched for (organisation's sign-in). */
  auth: Pick<OrganisationServices['auth'], 'startVerifiedSession'>;
  baseUrl: string;
}
