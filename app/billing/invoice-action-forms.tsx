/**
 * What the owner can do to an invoice, as forms that work without JavaScript. Marking paid
 * and voiding cannot be undone, so each first shows a confirmation step (a link to
 * `?confirm=…`), and the action refuses a form that does not carry the confirmation.
 */
import { Form, Link } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { FormErrors, SubmitButton } from '~/ui/form';
import { Panel } from '~/ui/panel';

import type { InvoiceListStatus } from './invoice-list-status';

export type InvoiceIntent = 'markPaid' | 'void' | 'push';

/** What the invoice's status allows the owner to do. */
export function allowedIntents(status: InvoiceListStatus, sent: boolean): InvoiceIntent[] {
  const intents: InvoiceIntent[] = [];
  if (status === 'pending' || ((status === 'open' || status === 'overdue') && !sent)) {
    intents.push('push');
  }
  if (status === 'open' || status === 'overdue' || status === 'uncollectible') {
    intents.push('markPaid');
  }
  if (status === 'open' || status === 'overdue') intents.push('void');
  return intents;
}

export function InvoiceActionForms({
  invoicePath,
  intents,
  confirming,
  failure,
}: {
  invoicePath: string;
  intents: readonly InvoiceIntent[];
  confirming: string | null;
  failure: FormFailure | undefined;
}) {
  const t = useT();
  if (intents.length === 0) return <FormErrors failure={failure} />;
  return (
    <Panel id="invoice-actions" title={t('invoicePage.actionsHeading')}>
      <div className="flex flex-col gap-4">
        <FormErrors failure={failure} />
        {intents.includes('push') ? (
          <Form method="post" className="flex flex-col gap-2">
            <p>{t('invoicePage.pushLead')}</p>
            <input type="hidden" name="intent" value="push" />
            <SubmitButton>{t('invoicePage.push')}</SubmitButton>
          </Form>
        ) : null}
        {intents.includes('markPaid') ? (
          <ConfirmedAction
            intent="markPaid"
            invoicePath={invoicePath}
            confirming={confirming === 'markPaid'}
            lead={t('invoicePage.markPaidLead')}
            start={t('invoicePage.markPaid')}
            confirm={t('invoicePage.markPaidConfirm')}
          />
        ) : null}
        {intents.includes('void') ? (
          <ConfirmedAction
            intent="void"
            invoicePath={invoicePath}
            confirming={confirming === 'void'}
            lead={t('invoicePage.voidLead')}
            start={t('invoicePage.void')}
            confirm={t('invoicePage.voidConfirm')}
          />
        ) : null}
      </div>
    </Panel>
  );
}

function ConfirmedAction({
  intent,
  invoicePath,
  confirming,
  lead,
  start,
  confirm,
}: {
  intent: InvoiceIntent;
  invoicePath: string;
  confirming: boolean;
  lead: string;
  start: string;
  confirm: string;
}) {
  const t = useT();
  if (!confirming) {
    return (
      <p>
        <Link to={`${invoicePath}?confirm=${intent}#invoice-actions`}>{start}</Link>
      </p>
    );
  }
  return (
    <Form method="post" className="flex flex-col gap-2 rounded-md border border-amber-700 p-3">
      <p>{lead}</p>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="confirmed" value="yes" />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{confirm}</SubmitButton>
        <Link to={invoicePath}>{t('invoicePage.cancel')}</Link>
      </div>
    </Form>
  );
}
