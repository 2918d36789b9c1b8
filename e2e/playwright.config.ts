import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? 12112);
/** The Stripe stand-in (ADR 016), a process of its own as beside `npm start`. */
export const stripeOrigin = `http://127.0.0.1:${stripePort}`;
// Test values: the stand-in and the app only need to agree on them.
const stripeKeys = {
  STRIPE_SECRET_KEY: 'sk_test_e2e_standin',
  STRIPE_WEBHOOK_SECRET: 'whsec_e2e_standin',
};

/**
 * End-to-end tests against the production build (`npm run test:e2e` builds first), served
 * by the real server on a fresh embedded database, in Debian's Chromium, with the local
 * Stripe stand-in in place of Stripe.
 */
export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  use: {
    baseURL,
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: 'node --import tsx scripts/stripe-dev.ts',
      cwd: '..',
      // The stand-in answers every API path, and without a key that answer is a 401: enough
      // for Playwright to know it is listening.
      url: `${stripeOrigin}/v1/account`,
      timeout: 30_000,
      reuseExistingServer: false,
      // It prints every request it answers; its errors still reach stderr.
      stdout: 'ignore',
      env: {
        ...stripeKeys,
        STRIPE_DEV_PORT: String(stripePort),
        STRIPE_API_BASE: stripeOrigin,
        APP_ORIGIN: baseURL,
      },
    },
    {
      command: 'rm -rf .data/e2e-pglite && node build/server.js',
      cwd: '..',
      url: `${baseURL}/healthz`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        NODE_ENV: 'test',
        PORT: String(port),
        PGLITE_DIR: '.data/e2e-pglite',
        DATABASE_URL: '',
        SMTP_URL: '',
        SEED_DEMO: '1',
        COOKIE_SECURE: 'false',
        APP_ORIGIN: baseURL,
        ...stripeKeys,
        STRIPE_API_BASE: stripeOrigin,
      },
    },
  ],
});
