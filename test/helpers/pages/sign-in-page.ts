import { GovukPage } from './govuk-page.ts';

/** The sign-in page, for the journeys that are about signing in (the others set the cookie). */
export class SignInPage extends GovukPage {
  open(): Promise<this> {
    return this.visit('/sign-in');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.field('Email address').fill(email);
    await this.field('Password').fill(password);
    await this.press('Sign in');
  }

  /** Signs in and waits to leave the sign-in page. */
  async signInSuccessfully(email: string, password: string): Promise<void> {
    await this.signIn(email, password);
    await this.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }
}
