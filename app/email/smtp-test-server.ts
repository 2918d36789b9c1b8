import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on a free localhost port, for mail tests (no mocked transport);
 * `state.rejectRecipients` makes it refuse mail.
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const state = { rejectRecipients: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.rejectRecipients) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    state,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The leaf parts of a raw MIME message, each with its headers and decoded body. */
export function mimeParts(raw: string): { head: string; body: string }[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1] ?? '');
  let pieces = [raw];
  for (const boundary of boundaries) {
    pieces = pieces.flatMap((piece) => piece.split(`--${boundary}`));
  }
  return pieces.flatMap((piece) => {
    const split = piece.indexOf('\r\n\r\n');
    if (split < 0) return [];
    const head = piece.slice(0, split);
    if (/^content-type: multipart\//im.test(head)) return [];
    const encoded = piece.slice(split + 4).replace(/\r\n$/, '');
    const encoding = /^content-transfer-encoding: *(\S+)/im.exec(head)?.[1]?.toLowerCase();
    const body =
      encoding === 'base64'
        ? Buffer.from(encoded.replace(/\s/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? decodeQuotedPrintable(encoded)
          : encoded;
    return [{ head, body }];
  });
}

function decodeQuotedPrintable(text: string): string {
  const soft = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
