import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config.ts';

/** One plain-text e-mail to one address. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends a message, or throws. Absent when SMTP is not configured. */
export type Mailer = (message: MailMessage) => Promise<void>;

/** A mailer over the configured SMTP server (the same settings as the reminder job). */
export function smtpMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
  });
  return async (message) => {
    await transport.sendMail({ from: smtp.from, ...message });
  };
}
