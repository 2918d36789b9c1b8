import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true'));

const mode = z.enum(['development', 'production', 'test']);

const envSchema = z.object({
  NODE_ENV: mode.default('development'),
  // Set by scripts/start.mjs, which runs the build with NODE_ENV=production for the
  // libraries (React's production build) whatever the settings are.
  OHJAAMO_ENV: mode.optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  PGLITE_DIR: z.string().default('.data/pglite'),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  APP_ORIGIN: z.url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Ohjaamo <no-reply@ohjaamo.invalid>'),
  COOKIE_SECURE: flag,
  SEED_DEMO: flag,
  TRUST_PROXY: flag,
  DEV_MAIL_PAGE: flag,
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  // An origin only: the SDK takes a host, port and protocol, never a path.
  STRIPE_API_BASE: z
    .url({ protocol: /^https?$/ })
    .refine((value) => ['', '/'].includes(new URL(value).pathname))
    .optional(),
});

/**
 * Where and how the app talks to Stripe. `apiBase` points the SDK at another server than
 * api.stripe.com — the local stand-in (ADR 016); it is unset in production.
 */
export type StripeSettings = {
  secretKey: string;
  webhookSecret: string;
  apiBase: string | undefined;
};

export type Config = {
  /**
   * How strict the settings are, from NODE_ENV (OHJAAMO_ENV when `npm start` set it):
   * production refuses to start without NOTES_ENCRYPTION_KEY and seeds nothing; development
   * seeds the demo practice, keeps a notes key in .data/ and shows /dev/mail. It does not
   * decide how the app is served: `npm start` serves the build, `npm run dev` runs Vite.
   */
  mode: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  pgliteDir: string;
  /**
   * HTTP worker processes on PostgreSQL (server.ts); unset means one per core, at most 8.
   * PGlite and the Vite server always run one.
   */
  webConcurrency: number | undefined;
  /** Public origin used in links sent by e-mail; defaults to http://localhost:PORT. */
  appOrigin: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Secure cookies; only an explicit COOKIE_SECURE=false turns them off (plain-http testing). */
  cookieSecure: boolean;
  seedDemo: boolean;
  trustProxy: boolean;
  /** The /dev/mail outbox viewer: never in production. */
  devMailPage: boolean;
  /** Null unless both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set: billing is off. */
  stripe: StripeSettings | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO= in a shell or .env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Invalid environment configuration: ${fields}`);
  }
  const e = parsed.data;
  const settings = e.OHJAAMO_ENV ?? e.NODE_ENV;
  const production = settings === 'production';
  return {
    mode: settings,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    webConcurrency: e.WEB_CONCURRENCY,
    appOrigin: (e.APP_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    cookieSecure: e.COOKIE_SECURE ?? true,
    seedDemo: e.SEED_DEMO ?? !production,
    trustProxy: e.TRUST_PROXY ?? false,
    devMailPage: !production && (e.DEV_MAIL_PAGE ?? true),
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            apiBase: e.STRIPE_API_BASE?.replace(/\/$/, ''),
          }
        : null,
  };
}
