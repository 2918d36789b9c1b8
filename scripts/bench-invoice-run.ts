/**
 * How long does pushing a month's invoices to Stripe take? Writes a run of pending invoices
 * straight into an in-memory PGlite — 100 payers × 10 sessions = 1,000 lines by default —
 * and pushes them all through the real SDK to the in-process Stripe stand-in. Prints the
 * seconds and the number of requests. The target is 20 s for 1,000 sessions / 100 payers.
 *
 *   npm run bench:invoice-run [payers] [sessions per payer]
 */
import { randomUUID } from 'node:crypto';

import { openDatabase } from '#db/client';
import { commissioners, invoiceLines, invoiceRuns, invoices } from '#db/schema';
import { signUp } from '~/auth/sign-up.server';
import { invoiceReferenceNumber, rfReference } from '~/billing/finnish-payment';
import { pushRun } from '~/billing/push-run.server';
import { createStripe } from '~/billing/stripe.server';
import { createStripeStandin } from '~/billing/stripe-standin/standin.server';
import { invoiceTotals } from '~/billing/vat';
import { loadConfig } from '~/config.server';
import { generateKeyString, parseKeyring } from '~/security/sealing.server';
import { addDays } from '~/time/helsinki';

const payers = Number(process.argv[2] ?? 100);
const sessionsPerPayer = Number(process.argv[3] ?? 10);
const SECRET_KEY = 'sk_test_bench_invoice_run';
const PRICE_CENTS = 15_000;
const RATE = 2550;

const keyring = parseKeyring(generateKeyString('bench'));
const database = await openDatabase({ dataDir: 'memory://' });
await database.migrate();
const db = database.db;
const standin = await createStripeStandin({ secretKey: SECRET_KEY });
const stripe = createStripe(
  loadConfig({
    NODE_ENV: 'test',
    STRIPE_SECRET_KEY: SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: 'whsec_bench',
    STRIPE_API_BASE: standin.apiBase,
  }),
);
if (!stripe) throw new Error('createStripe returned null with a full configuration');

try {
  const signedUp = await signUp(
    { db, keyring, now: new Date() },
    {
      practiceName: 'Bench Oy',
      name: 'Bench',
      email: `bench.${randomUUID()}@bench.invalid`,
      password: 'bench-password-long-enough',
      mail: { appOrigin: 'http://localhost', keyring },
    },
  );
  if (signedUp.kind !== 'created') throw new Error('sign-up failed');
  const { practiceId, userId } = signedUp;
  const account = await stripe.accounts.create({ type: 'standard', country: 'FI' });
  standin.simulate.completeOnboarding(account.id);

  // The run's intent, written in bulk: one invoice per payer, one line per session.
  const [run] = await db
    .insert(invoiceRuns)
    .values({ practiceId, periodStart: '2027-03-01', periodEnd: '2027-03-31', createdBy: userId })
    .returning({ id: invoiceRuns.id });
  if (!run) throw new Error('insert returned no run');
  const payerRows = await db
    .insert(commissioners)
    .values(
      Array.from({ length: payers }, (_, i) => ({
        practiceId,
        name: `Tilaaja ${i + 1} Oy`,
        businessId: '0171545-0',
      })),
    )
    .returning({ id: commissioners.id });
  const lineAmounts = Array.from({ length: sessionsPerPayer }, () => ({
    amountCents: PRICE_CENTS,
    rateBasisPoints: RATE,
  }));
  const totals = invoiceTotals(lineAmounts);
  const invoiceRows = await db
    .insert(invoices)
    .values(
      payerRows.map((payer, i) => {
        const reference = invoiceReferenceNumber(i + 1);
        return {
          practiceId,
          runId: run.id,
          number: i + 1,
          payerKind: 'commissioner' as const,
          commissionerId: payer.id,
          buyerName: `Tilaaja ${i + 1} Oy`,
          buyerAddress: 'PL 1000, 70101 Kuopio',
          buyerBusinessId: '0171545-0',
          sellerName: 'Bench Oy',
          sellerAddress: 'Kauppakatu 1, 70100 Kuopio',
          sellerBusinessId: '2980005-2',
          sellerVatNumber: 'FI29800052',
          sellerIban: 'FI2112345600000785',
          issueDate: '2027-04-01',
          dueDate: '2027-04-15',
          referenceNumber: reference,
          rfReference: rfReference(reference),
          subtotalCents: totals.subtotalCents,
          vatCents: totals.vatCents,
          totalCents: totals.totalCents,
          stripeAccountId: account.id,
        };
      }),
    )
    .returning({ id: invoices.id });
  await db.insert(invoiceLines).values(
    invoiceRows.flatMap((invoice) =>
      totals.lines.map((line, position) => {
        const serviceDate = addDays('2027-03-01', position);
        return {
          invoiceId: invoice.id,
          practiceId,
          position: position + 1,
          description: `Työnohjaus 60 min ${Number(serviceDate.slice(8))}.3.2027`,
          serviceDate,
          unitPriceCents: line.amountCents,
          amountCents: line.amountCents,
          vatRateBasisPoints: RATE,
          vatCents: line.vatCents,
        };
      }),
    ),
  );

  const requestsBefore = standin.requests.length;
  const started = performance.now();
  const summary = await pushRun({ db, keyring, now: new Date() }, stripe, run.id, practiceId);
  const seconds = (performance.now() - started) / 1000;
  const requests = standin.requests.length - requestsBefore;
  console.log(
    `${payers} payers × ${sessionsPerPayer} sessions = ${payers * sessionsPerPayer} lines: ` +
      `${seconds.toFixed(2)} s, ${requests} requests to Stripe, ` +
      `${summary.sent} invoices sent, ${summary.failed.length} failed`,
  );
  for (const failure of summary.failed.slice(0, 5)) console.log(failure);
} finally {
  await standin.close();
  await database.close();
}
