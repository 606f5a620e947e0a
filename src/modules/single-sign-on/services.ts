import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { createProviderClients } from './provider-client.ts';
import type { SingleSignOnDeps } from './deps.ts';
import { secretBox } from './secret-box.ts';
import { createSingleSignOnSettingsService } from './settings.service.ts';
import { createSingleSignOnService } from './sign-in.service.ts';

export interface SingleSignOnOptions {
  /** The app's own address: the provider sends people back to `<baseUrl>/sign-in/single-sign-on/callback`. */
  baseUrl: string;
  /** SESSION_SECRET: the client secrets are sealed under a key derived from it. */
  appSecret: string;
}

export function createSingleSignOnServices(
  deps: ServiceDeps & { organisation: Pick<OrganisationServices, 'auth'> } & SingleSignOnOptions,
) {
  const full: SingleSignOnDeps = {
    db: deps.db,
    clock: deps.clock,
    box: secretBox(deps.appSecret),
    auth: deps.organisation.auth,
    baseUrl: deps.baseUrl.replace(/\/+$/, ''),
  };
  const clients = createProviderClients();
  return {
    singleSignOn: createSingleSignOnService(full, clients),
    singleSignOnSettings: createSingleSignOnSettingsService(full, clients),
  };
}

export type SingleSignOnServices = ReturnType<typeof createSingleSignOnServices>;
