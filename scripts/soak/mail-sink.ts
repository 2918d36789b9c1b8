/**
 * The SMTP server both instances deliver to: counts each message by its Message-ID (the
 * outbox row's id) and notes which instance sent it (the envelope sender).
 */
import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

export interface MailSink {
  url: string;
  /** Message-ID → the instances that delivered it, one entry per delivery. */
  deliveries: Map<string, string[]>;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const deliveries = new Map<string, string[]>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 64 * 1024) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const id = /^message-id: *<([^@>]+)@/im.exec(head)?.[1] ?? '(none)';
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const instance = /^instance-([^@]+)@/.exec(from)?.[1] ?? from;
        deliveries.set(id, [...(deliveries.get(id) ?? []), instance]);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
