import nodemailer from 'nodemailer';

import type { MailTransport } from './worker.server';

/**
 * Time limits for one SMTP exchange, all well inside the outbox lease (LEASE_MS, two
 * minutes): nodemailer's defaults (two minutes to connect, ten of silence) would let a hung
 * server outlive the lease, and another worker would send the same message again.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function smtpTransport(smtpUrl: string, from: string): MailTransport & { close(): void } {
  // A pool keeps the SMTP connection open between messages instead of a new one for each.
  const transporter = nodemailer.createTransport({ url: smtpUrl, pool: true, ...SMTP_TIMEOUTS });
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'ohjaamo.invalid';
  return {
    async send({ id, calendar, ...message }) {
      await transporter.sendMail({
        from,
        ...message,
        // The same Message-ID on every attempt at one outbox message: should a message ever
        // go out twice (a worker that died between sending and recording it), mail
        // programs show it once.
        messageId: `<${id}@${domain}>`,
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
