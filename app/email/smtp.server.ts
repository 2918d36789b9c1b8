import nodemailer from 'nodemailer';

import type { MailTransport } from './worker.server';

export function smtpTransport(smtpUrl: string, from: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send({ calendar, ...message }) {
      await transporter.sendMail({
        from,
        ...message,
        // nodemailer sends it as a text/calendar alternative with the method, which is what
        // makes mail programs offer "add to calendar" / update the event.
        ...(calendar
          ? {
              icalEvent: {
                method: calendar.method,
                content: calendar.content,
                filename: 'tyonohjaus.ics',
              },
            }
          : {}),
      });
    },
    close: () => transporter.close(),
  };
}
