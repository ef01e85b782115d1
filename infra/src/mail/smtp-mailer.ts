import type { PasswordResetMailer } from '@bishop/gateways';
import nodemailer from 'nodemailer';

/** Password-reset mail over SMTP (nodemailer): plain text, the link on a line of its own. */
export function createSmtpMailer(options: { readonly smtpUrl: string; readonly from: string }): PasswordResetMailer {
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send({ to, link, expiresAt }) {
      await transport.sendMail({
        from: options.from,
        to,
        subject: 'Reset your Bishop password / Сброс пароля Bishop',
        text: [
          'Someone (we hope you) asked to reset the password of your Bishop account.',
          `Open this link to choose a new one; it works once, until ${expiresAt.toISOString()}:`,
          '',
          link,
          '',
          'If it was not you, ignore this mail: your password stays as it is.',
          '',
          'Кто-то (надеемся, вы) попросил сбросить пароль вашей учётной записи Bishop.',
          'Откройте ссылку выше, чтобы задать новый; она работает один раз.',
          'Если это были не вы, просто не обращайте внимания на это письмо.',
        ].join('\n'),
      });
    },
  };
}
