import type { MailMessage } from '../../platform/mail/mailer.ts';
import { fill, words } from '../../platform/words/index.ts';

/** Who a link is for and what it is: the parts a password e-mail names. */
export interface PasswordEmailLink {
  name: string;
  email: string;
  url: string;
  expiresAt: Date;
}

const w = words.passwordEmails;

function emailOf(link: PasswordEmailLink, subject: string, text: string): MailMessage {
  return {
    to: `${link.name} <${link.email}>`,
    subject,
    // UTC, as written: the e-mail may be read anywhere, and says which zone it means.
    text: fill(text, { name: link.name, url: link.url, until: link.expiresAt.toUTCString() }),
  };
}

/** The e-mail that gives a new person the link to set their first password. */
export const setPasswordEmail = (link: PasswordEmailLink) => emailOf(link, w.setSubject, w.setText);

/** The e-mail with a reset link, asked for from the sign-in page. */
export const resetPasswordEmail = (link: PasswordEmailLink) => emailOf(link, w.resetSubject, w.resetText);
