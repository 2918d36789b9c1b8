import { Form, Link } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { FormErrors, SubmitButton } from '~/ui/form';
import { Panel } from '~/ui/panel';

import type { ConnectionState } from './connection.server';
import { invoicingDetailLabels } from './invoicing-details-form';
import type { InvoicingDetailField } from './schemas';
import { describeRequirements } from './stripe-requirements';

/** The connection as the page receives it (no dates are shown, so none are sent). */
export type ConnectionView = Pick<
  ConnectionState,
  'accountId' | 'detailsSubmitted' | 'chargesEnabled' | 'payoutsEnabled' | 'requirementsDue'
> & { disconnected: boolean };

const secondaryButton =
  'self-start rounded-md border border-teal-800 px-4 py-2 font-medium text-teal-900 no-underline hover:bg-teal-50';

/** Without the platform's keys billing is off: what the administrator sets, in plain words. */
export function StripeSetupHowTo() {
  const t = useT();
  return (
    <Panel id="billing-setup" title={t('billing.setup.heading')}>
      <p>{t('billing.setup.lead')}</p>
      <ul className="list-disc pl-5">
        <li>{t('billing.setup.secretKey')}</li>
        <li>{t('billing.setup.webhookSecret')}</li>
      </ul>
      <p className="text-slate-700">{t('billing.setup.development')}</p>
    </Panel>
  );
}

/** What invoices still need from the settings, with the way there. */
export function InvoicingDetailsSummary({ missing }: { missing: readonly InvoicingDetailField[] }) {
  const t = useT();
  return (
    <Panel id="billing-readiness" title={t('billing.readiness.heading')}>
      {missing.length > 0 ? (
        <>
          <p>{t('billing.readiness.missing')}</p>
          <ul className="list-disc pl-5">
            {missing.map((field) => (
              <li key={field}>{t(invoicingDetailLabels[field])}</li>
            ))}
          </ul>
          <Link to="/settings/invoicing" className={secondaryButton}>
            {t('billing.readiness.edit')}
          </Link>
        </>
      ) : (
        <>
          <p>{t('billing.readiness.complete')}</p>
          <Link to="/settings/invoicing" className="self-start">
            {t('billing.readiness.view')}
          </Link>
        </>
      )}
    </Panel>
  );
}

/**
 * The Stripe account: connect it, see its state and continue at Stripe, or disconnect —
 * which takes a second step on its own page state (`?confirm=disconnect`), so that it is
 * confirmed without JavaScript too.
 */
export function ConnectionSection({
  connection,
  confirmingDisconnect,
  failure,
}: {
  connection: ConnectionView | null;
  confirmingDisconnect: boolean;
  failure: FormFailure | undefined;
}) {
  const t = useT();
  return (
    <Panel id="billing-connection" title={t('billing.connect.heading')}>
      <FormErrors failure={failure} />
      {connection === null ? (
        <>
          <p>{t('billing.connect.notConnectedLead')}</p>
          <IntentButton intent="connect" label={t('billing.connect.start')} />
        </>
      ) : connection.disconnected ? (
        <>
          <p className="font-medium">{t('billing.connect.disconnected')}</p>
          <p>{t('billing.connect.reconnectLead')}</p>
          <IntentButton intent="connect" label={t('billing.connect.reconnect')} />
        </>
      ) : (
        <ConnectedAccount connection={connection} confirmingDisconnect={confirmingDisconnect} />
      )}
    </Panel>
  );
}

function ConnectedAccount({
  connection,
  confirmingDisconnect,
}: {
  connection: ConnectionView;
  confirmingDisconnect: boolean;
}) {
  const t = useT();
  const requirements = describeRequirements(connection.requirementsDue);
  return (
    <>
      <p>
        {t('billing.connect.account')}: <code>{connection.accountId}</code>
      </p>
      <ul className="list-disc pl-5" data-testid="stripe-account-state">
        <li>
          {t(
            connection.detailsSubmitted
              ? 'billing.connect.detailsSubmitted'
              : 'billing.connect.detailsNotSubmitted',
          )}
        </li>
        <li>
          {t(
            connection.chargesEnabled
              ? 'billing.connect.chargesEnabled'
              : 'billing.connect.chargesDisabled',
          )}
        </li>
        <li>
          {t(
            connection.payoutsEnabled
              ? 'billing.connect.payoutsEnabled'
              : 'billing.connect.payoutsDisabled',
          )}
        </li>
      </ul>
      {requirements.length > 0 ? (
        <>
          <p>{t('billing.connect.requirementsDue')}</p>
          <ul className="list-disc pl-5">
            {requirements.map((item) =>
              'key' in item ? (
                <li key={item.key}>{t(item.key)}</li>
              ) : (
                <li key={item.raw}>
                  <code>{item.raw}</code>
                </li>
              ),
            )}
          </ul>
          <IntentButton intent="continue" label={t('billing.connect.continue')} />
        </>
      ) : connection.chargesEnabled ? (
        <p>{t('billing.connect.ready')}</p>
      ) : null}
      {confirmingDisconnect ? (
        <div
          role="group"
          aria-labelledby="disconnect-question"
          className="flex flex-col gap-3 rounded-md border border-amber-700 bg-amber-50 p-4"
        >
          <p id="disconnect-question" className="font-semibold">
            {t('billing.connect.disconnectQuestion')}
          </p>
          <p>{t('billing.connect.disconnectExplain')}</p>
          <div className="flex flex-wrap items-center gap-3">
            <Form method="post">
              <input type="hidden" name="intent" value="disconnect" />
              <input type="hidden" name="confirmDisconnect" value="yes" />
              <SubmitButton>{t('billing.connect.disconnectConfirm')}</SubmitButton>
            </Form>
            <Link to="/billing">{t('billing.connect.disconnectCancel')}</Link>
          </div>
        </div>
      ) : (
        <Link to="/billing?confirm=disconnect" className={secondaryButton}>
          {t('billing.connect.disconnect')}
        </Link>
      )}
    </>
  );
}

function IntentButton({ intent, label }: { intent: string; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <SubmitButton>{label}</SubmitButton>
    </Form>
  );
}
