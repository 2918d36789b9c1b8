/**
 * Property: no request, however hostile, gets a 5xx, and none leaves anything half-written.
 * Ten thousand generated requests go through the real stack (Express, cookie and %-encoding
 * parsing, the Remix handler, every route's loader and action) as anonymous visitors and as
 * the members of two practices: JSON, text/plain, multipart and odd bodies, NUL and control
 * characters, very long values, broken %-encoding, odd cookies, out-of-range dates and weeks.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { queryRows } from '#db/client';
import { createAccessCast } from '#db/testing/access-cast';
import { TEST_PASSWORD } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';

import { startTestApp, type TestApp } from './test-app';

const REQUESTS = 10_000;

let database: TestDatabase;
let app: TestApp;
let users: string[] = [];
let ids: Record<string, string> = {};
const logged: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const { owner, author: supervisor, outsider, ...cast } = await createAccessCast(database.db);
  users = [owner.userId, supervisor.userId, outsider.userId];
  ids = {
    clientId: cast.clientId,
    commissionerId: cast.commissionerId,
    contractId: cast.contractId,
    sessionId: cast.sessionId,
    practiceId: owner.practiceId,
    otherPractice: outsider.practiceId,
  };
  app = await startTestApp(database);
  // The request log says one line per request; keep what is logged as errors for the report.
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await app.close();
  await database.close();
});

const tokens = new Map<number, string>();

async function tokenFor(user: number): Promise<string | undefined> {
  const userId = users[user];
  if (!userId) return undefined;
  let token = tokens.get(user);
  if (!token) {
    token = (await createSession(database.db, userId)).token;
    tokens.set(user, token);
  }
  return token;
}

/** Every route file as a URL, with real ids of the first practice in place of parameters. */
function routePaths(): string[] {
  const files = readdirSync(path.resolve(__dirname, '../routes')).filter((f) => /\.tsx?$/.test(f));
  return files.map((file) => {
    // Remix's flat routes: dots inside [] are literal, a leading _ is a layout without a
    // segment, a trailing _ leaves the parent layout but keeps the segment's name.
    const segments = file
      .replace(/\.tsx?$/, '')
      .split(/\.(?![^[]*\])/)
      .filter((s) => !s.startsWith('_'))
      .map((s) => s.replace(/_$/, '').replace(/\[(.*?)\]/g, '$1'))
      .map((s) => {
        if (s === '$') return 'no/such/page';
        const param = /^\$(\w+)(.*)$/.exec(s);
        return param ? `${ids[param[1] ?? ''] ?? 'x'}${param[2] ?? ''}` : s;
      });
    return `/${segments.join('/')}`;
  });
}

const FIELDS = [
  'actions',
  'addressLine',
  'attendance',
  'attended',
  'background',
  'baseVersion',
  'billingContact',
  'billingEmail',
  'businessId',
  'cancellationNoticeHours',
  'chargeLateCancellation',
  'chargeNoShow',
  'city',
  'code',
  'comment',
  'commissionerDisclosure',
  'commissionerId',
  'contactEmail',
  'contactPhone',
  'confirmCancel',
  'confirmDisconnect',
  'confirmEnd',
  'confirmPast',
  'contractId',
  'count',
  'currentPassword',
  'date',
  'eInvoiceAddress',
  'eInvoiceOperator',
  'email',
  'en',
  'endsOn',
  'evaluationKind',
  'everyWeeks',
  'fi',
  'form',
  'goals',
  'guidingQuestion',
  'iban',
  'intent',
  'invitationId',
  'kind',
  'legalName',
  'locale',
  'location',
  'methods',
  'minutes',
  'name',
  'organisation',
  'p_general',
  'p_power',
  's_power',
  'theme_power',
  'participants',
  'password',
  'payer',
  'paymentTermDays',
  'phone',
  'plannedEndOn',
  'postalCode',
  'practiceId',
  'practiceName',
  'price',
  'redirectTo',
  'remoteLink',
  'repeat',
  'respondent',
  'retentionMonths',
  'rhythmWeeks',
  'role',
  'sessionMinutes',
  'sessionsAgreed',
  'showNames',
  'startsOn',
  'status',
  'streetAddress',
  'supervisorId',
  'theme',
  'themesAuto',
  'time',
  'title',
  'vat',
  'vatExemptReason',
  'vatNumber',
  'week',
];
const INTENTS = [
  'activate',
  'archive',
  'cancel',
  'connect',
  'continue',
  'create',
  'disconnect',
  'end',
  'held',
  'names',
  'no_show',
  'password',
  'profile',
  'publish',
  'reschedule',
  'reset',
  'revoke',
  'save',
  'invite',
  'location',
];
const QUERY_KEYS = ['q', 'week', 'redirectTo', 'status', 'saved', 'kind', 'contractId', 'index'];

const control = fc.constantFrom('\u0000', '\u0001', '\t', '\n', '\r', '\r\n', '\u001b', '\u007f');
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(fc.string({ maxLength: 10 }), control, fc.string({ maxLength: 10 }))
    .map((p) => p.join('')),
  fc.integer({ min: 3_000, max: 30_000 }).map((n) => 'ä'.repeat(n)),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%E0%A4%A',
    '%00',
    '%%',
    '\\',
    '/\t/evil.example',
    '//evil.example',
    '9999-12-31',
    '0000-01-01',
    '2026-02-30',
    '+275760-09-13',
    '-1',
    '1e309',
    '0',
    '-0',
    '99999999999999999999999',
    'NaN',
    '9999-W52',
    '0001-W01',
    '2026-W53',
    '2026-W00',
    '25:61',
    '23:59',
    '2026-12-01',
    'fi',
    'en',
    'owner',
    'supervisor',
    'on',
    'yes',
    'true',
    'uusi@example.test',
    'a@b',
    TEST_PASSWORD,
    'x'.repeat(200),
    '<script>alert(1)</script>',
    "'; drop table users; --",
    '{"a":1}',
    'null',
    'undefined',
    '[object Object]',
  ),
  fc.uuid(),
  fc
    .constantFrom('clientId', 'commissionerId', 'contractId', 'sessionId', 'otherPractice')
    .map((key) => ids[key] ?? ''),
);

const fieldName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FIELDS) },
  { weight: 1, arbitrary: hostileText },
);
const formFields = fc
  .array(fc.tuple(fieldName, hostileText), { maxLength: 12 })
  .chain((pairs) =>
    fc.constantFrom(...INTENTS).map((intent) => [['intent', intent] as [string, string], ...pairs]),
  );

type Body =
  | { kind: 'none' }
  | { kind: 'form' | 'multipart'; fields: [string, string][] }
  | { kind: 'raw'; contentType: string; text: string };

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 5, arbitrary: formFields.map((fields) => ({ kind: 'form' as const, fields })) },
  { weight: 2, arbitrary: formFields.map((fields) => ({ kind: 'multipart' as const, fields })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'text/plain;charset=UTF-8',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/xml',
        '',
      ),
      text: fc.oneof(
        fc.string(),
        fc.json(),
        fc.constantFrom('%E0%A4%A=1', 'a=%00', '--x\r\nnonsense', 'email=a%40b&password=%'),
      ),
    }),
  },
);

const cookie = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0, 1, 2).map((n) => ({ user: n, extra: '' })) },
  { weight: 2, arbitrary: fc.constant({ user: -1, extra: '' }) },
  {
    weight: 2,
    arbitrary: fc.record({
      user: fc.constantFrom(-1, 0, 1),
      extra: fc.oneof(
        fc.constantFrom(
          'ohjaamo_session=%E0%A4%A',
          'ohjaamo_session=a.b.c',
          'ohjaamo_session=%00.x',
          'ohjaamo_lang=%',
          'ohjaamo_lang=sv',
          'x=%FF%FE',
          '=;;=',
          'ohjaamo_session=',
        ),
        hostileText.map((text) => `ohjaamo_session=${encodeURIComponent(text)}`),
      ),
    }),
  },
);

function mutatePath(paths: string[]): fc.Arbitrary<string> {
  const known = fc.constantFrom(...paths);
  return fc.oneof(
    { weight: 3, arbitrary: known },
    { weight: 6, arbitrary: known.map((p) => `${p}.data`) },
    { weight: 1, arbitrary: fc.constant('/_root.data') },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          known,
          fc.constantFrom('%E0%A4%A', '%00', '%', 'x'.repeat(3000), '..%2F..', '%C0%AF'),
        )
        .map(([p, junk]) => `${p.replace(/[0-9a-f-]{36}/, junk)}`),
    },
  );
}

const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), hostileText), hostileText), {
    maxLength: 3,
  })
  .map((pairs) =>
    pairs.length === 0
      ? ''
      : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`,
  );
const rawQuery = fc.constantFrom('', '?q=%', '?week=%E0%A4%A', '?redirectTo=%0d%0a', '?q=%00&q');

function encodeBody(value: Body): { body?: BodyInit; contentType?: string } {
  if (value.kind === 'none') return {};
  if (value.kind === 'raw') return { body: value.text, contentType: value.contentType };
  if (value.kind === 'form') {
    return {
      body: new URLSearchParams(value.fields).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  }
  const form = new FormData();
  for (const [name, text] of value.fields) form.append(name, text);
  return { body: form };
}

describe('hostile requests', () => {
  it(`get no 5xx in ${REQUESTS.toLocaleString('en')} tries and leave nothing half-written`, async () => {
    const countsBefore = await creatableCounts();
    const paths = routePaths();
    const created: Record<string, number> = {};
    let sent = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: fc.constant('GET') },
          { weight: 5, arbitrary: fc.constant('POST') },
          { weight: 1, arbitrary: fc.constantFrom('HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') },
        ),
        mutatePath(paths),
        fc.oneof(query, rawQuery),
        body,
        cookie,
        fc.constantFrom('text/html', '*/*', 'application/json'),
        async (method, pathname, search, requestBody, who, accept) => {
          const headers: Record<string, string> = { Accept: accept, Origin: app.origin };
          const cookies: string[] = [];
          const token = await tokenFor(who.user);
          if (token) cookies.push(`ohjaamo_session=${token}`);
          if (who.extra) cookies.push(who.extra);
          if (cookies.length > 0) headers.Cookie = cookies.join('; ');
          const withBody = method !== 'GET' && method !== 'HEAD';
          const encoded = withBody ? encodeBody(requestBody) : {};
          if (encoded.contentType !== undefined) headers['Content-Type'] = encoded.contentType;
          const response = await fetch(`${app.origin}${pathname}${search}`, {
            method,
            headers,
            redirect: 'manual',
            ...(encoded.body === undefined ? {} : { body: encoded.body }),
          });
          await response.arrayBuffer();
          sent += 1;
          // Logging out or changing the password ends the session: the next request gets a new one.
          if (withBody && /^\/(logout|settings)/.test(pathname)) tokens.clear();
          if (method === 'POST' && response.status >= 200 && response.status < 400) {
            // A form posted to `/clients/new.data` (what the browser sends with JavaScript)
            // runs the same action as one posted to `/clients/new`.
            const route = pathname.replace(/\.data$/, '');
            created[route] = (created[route] ?? 0) + 1;
          }
          expect(response.status, `${method} ${pathname}${search}`).toBeLessThan(500);
        },
      ),
      { numRuns: REQUESTS },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const succeeded = Object.values(created).reduce((sum, n) => sum + n, 0);
    process.stdout.write(
      `hostile requests: ${sent} sent in ${seconds} s (${succeeded} posts answered 2xx/3xx), none answered 5xx\n`,
    );
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);

    expect(await halfWrittenRows()).toEqual([]);
    // Rows a request could create exist only where such a request was answered as a success.
    const countsAfter = await creatableCounts();
    const creatingRoutes = {
      clients: '/clients/new',
      commissioners: '/commissioners/new',
      contracts: '/contracts/new',
      practices: '/signup',
    } as const;
    for (const [table, route] of Object.entries(creatingRoutes) as [
      keyof typeof creatingRoutes,
      string,
    ][]) {
      expect(
        countsAfter[table] - countsBefore[table],
        `${table} created, at most one per successful POST to ${route}`,
      ).toBeLessThanOrEqual(created[route] ?? 0);
    }
  }, 300_000);
});

async function creatableCounts() {
  const [row] = await queryRows<Record<string, string | number>>(
    database.db,
    sql`select (select count(*) from clients) as clients,
               (select count(*) from commissioners) as commissioners,
               (select count(*) from contracts) as contracts,
               (select count(*) from practices) as practices`,
  );
  return {
    clients: Number(row?.clients),
    commissioners: Number(row?.commissioners),
    contracts: Number(row?.contracts),
    practices: Number(row?.practices),
  };
}

/** Names of invariants that do not hold: each query counts rows that break one. */
async function halfWrittenRows(): Promise<string[]> {
  const checks: Record<string, ReturnType<typeof sql>> = {
    'session outside its contract': sql`select count(*) as n from supervision_sessions s
      join contracts c on c.id = s.contract_id where c.practice_id <> s.practice_id`,
    'note outside its session': sql`select count(*) as n from session_notes n
      join supervision_sessions s on s.id = n.session_id where s.practice_id <> n.practice_id`,
    'contract without a participant': sql`select count(*) as n from contracts c
      where not exists (select 1 from contract_participants p where p.contract_id = c.id)`,
    'participant of another practice': sql`select count(*) as n from contract_participants p
      join clients cl on cl.id = p.client_id where cl.practice_id <> p.practice_id`,
    'practice without an owner': sql`select count(*) as n from practices pr
      where not exists (select 1 from memberships m where m.practice_id = pr.id and m.role = 'owner')`,
    'user without a practice': sql`select count(*) as n from users u
      where not exists (select 1 from memberships m where m.user_id = u.id)`,
  };
  const broken: string[] = [];
  for (const [name, query] of Object.entries(checks)) {
    const [row] = await queryRows<{ n: string | number }>(database.db, query);
    if (Number(row?.n) > 0) broken.push(name);
  }
  return broken;
}
