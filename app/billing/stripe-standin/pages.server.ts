import { completeOnboarding } from './accounts.server';
import { unixSeconds } from './clock.server';
import { payOnHostedPage } from './invoice-lifecycle.server';
import { invoiceLines, presentInvoice } from './invoice-view.server';
import type { Engine } from './state.server';

/**
 * The two pages a browser sees in place of Stripe's: Connect onboarding behind an account
 * link, and the hosted invoice page with a Pay button. Plain HTML forms, so a browser test
 * (or a fetch) can press the buttons.
 */
export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function handlePage(
  engine: Engine,
  method: string,
  url: URL,
  form: URLSearchParams,
): PageResponse | null {
  const parts = url.pathname.split('/').slice(2).map(decodeURIComponent);
  const [area, accountId = '', invoiceId, action] = parts;
  if (area === 'onboarding' && parts.length === 2) {
    return method === 'POST'
      ? submitOnboarding(engine, accountId, form.get('link') ?? '')
      : showOnboarding(engine, accountId, url.searchParams.get('link') ?? '');
  }
  if (area === 'invoices' && invoiceId !== undefined) {
    const owner = accountId === engine.platform.account.id ? null : accountId;
    if (method === 'POST' && action === 'pay' && parts.length === 4) {
      return payInvoice(engine, owner, accountId, invoiceId);
    }
    if (method === 'GET' && parts.length === 3) return showInvoice(engine, owner, invoiceId);
  }
  return null;
}

function showOnboarding(engine: Engine, accountId: string, token: string): PageResponse {
  const link = engine.accountLinks.get(token);
  if (!link || link.accountId !== accountId) return notFound('This account link is not valid.');
  // Account links are single-use and short-lived; Stripe sends a stale one to refresh_url.
  if (link.used || link.expiresAt <= unixSeconds(engine.clock)) return redirect(link.refreshUrl);
  link.used = true;
  return html(
    200,
    'Stripe onboarding (stand-in)',
    `<h1>Connect your Stripe account</h1>
<p>This page stands in for Stripe's onboarding of account <code>${escape(accountId)}</code>.</p>
<form method="post" action="/standin/onboarding/${encodeURIComponent(accountId)}">
  <input type="hidden" name="link" value="${escape(token)}">
  <button type="submit">Complete onboarding</button>
</form>
<p><a href="${escape(link.returnUrl)}">Leave without finishing</a></p>`,
  );
}

function submitOnboarding(engine: Engine, accountId: string, token: string): PageResponse {
  const link = engine.accountLinks.get(token);
  if (!link || link.accountId !== accountId || !link.used) {
    return notFound('This account link is not valid.');
  }
  engine.accountLinks.delete(token);
  completeOnboarding(engine, accountId, null);
  return redirect(link.returnUrl);
}

function showInvoice(engine: Engine, accountId: string | null, invoiceId: string): PageResponse {
  const data = accountId === null ? engine.platform.data : engine.connected.get(accountId)?.data;
  const record = data?.invoices.get(invoiceId);
  if (!data || !record || record.status === 'draft') return notFound('No such invoice.');
  const invoice = presentInvoice(engine, accountId, data, record);
  // The page shows every line, not only the first ones the API's invoice object carries.
  const rows = invoiceLines(data, record)
    .map(
      (line) => `<tr><td>${escape(line.description ?? '')}</td><td>${euros(line.amount)}</td></tr>`,
    )
    .join('\n');
  const payable = invoice.status === 'open' || invoice.status === 'uncollectible';
  const owner = encodeURIComponent(accountId ?? engine.platform.account.id);
  const payForm = payable
    ? `<form method="post" action="/standin/invoices/${owner}/${encodeURIComponent(invoice.id)}/pay">
  <button type="submit">Pay ${euros(invoice.amount_remaining)}</button>
</form>`
    : '';
  return html(
    200,
    `Invoice ${invoice.number ?? invoice.id}`,
    `<h1>Invoice ${escape(invoice.number ?? invoice.id)}</h1>
<p>To: ${escape(invoice.customer_name ?? '')}</p>
<p>Status: <strong data-status="${escape(invoice.status ?? '')}">${escape(invoice.status ?? '')}</strong></p>
<table>
<thead><tr><th scope="col">Item</th><th scope="col">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>Subtotal ${euros(invoice.subtotal)} · Tax ${euros(invoice.total - (invoice.total_excluding_tax ?? invoice.total))} · Total ${euros(invoice.total)}</p>
<p>Amount due ${euros(invoice.amount_remaining)}</p>
${payForm}`,
  );
}

function payInvoice(
  engine: Engine,
  accountId: string | null,
  pathAccount: string,
  invoiceId: string,
): PageResponse {
  payOnHostedPage(engine, accountId, invoiceId);
  return redirect(
    `/standin/invoices/${encodeURIComponent(pathAccount)}/${encodeURIComponent(invoiceId)}`,
  );
}

function euros(cents: number): string {
  return `€${(cents / 100).toFixed(2)}`;
}

function escape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function html(status: number, title: string, main: string): PageResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main>
${main}
</main></body>
</html>
`,
  };
}

function redirect(location: string): PageResponse {
  return { status: 303, headers: { Location: location }, body: '' };
}

function notFound(message: string): PageResponse {
  return html(404, 'Not found', `<h1>Not found</h1><p>${escape(message)}</p>`);
}
