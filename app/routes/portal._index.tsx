import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { StatusBadge } from '~/contracts/display';
import { domainContext } from '~/domain/context';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { CancellationRule, GoalList, NextSession, ProgressText } from '~/portal/contract-parts';
import { listPortalContracts } from '~/portal/contracts.server';
import { requireSupervisee } from '~/portal/guards.server';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portal.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const contracts = await listPortalContracts(domainContext(context), actor);
  const practice = actor.practices.find((p) => p.practiceId === actor.practiceId);
  return {
    name: actor.auth.user.name,
    contracts,
    contact: {
      practiceName: actor.practiceName,
      email: practice?.contactEmail ?? null,
      phone: practice?.contactPhone ?? null,
    },
  };
}

export default function PortalHome() {
  const t = useT();
  const { name, contracts, contact } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('portal.home.welcome', { name })} lead={t('portal.home.lead')} />
      <h2 className="sr-only">{t('portal.home.contractsHeading')}</h2>
      {contracts.length === 0 ? <p>{t('portal.home.noContracts')}</p> : null}
      <div className="flex max-w-3xl flex-col gap-6">
        {contracts.map((contract) => (
          <section
            key={contract.id}
            aria-labelledby={`contract-${contract.id}`}
            className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={`contract-${contract.id}`} className="text-lg font-semibold">
                <Link to={`/portal/contracts/${contract.id}`}>
                  {t('portal.contract.title', { code: contract.code })}
                </Link>
              </h3>
              <StatusBadge status={contract.status} />
            </div>
            {contract.guidingQuestion ? (
              <div>
                <h4 className="font-semibold">{t('portal.contract.guidingQuestion')}</h4>
                <p className="break-words whitespace-pre-line">{contract.guidingQuestion}</p>
              </div>
            ) : null}
            <div>
              <h4 className="font-semibold">{t('portal.contract.goals')}</h4>
              <GoalList goals={contract.goals} />
            </div>
            <div>
              <h4 className="font-semibold">{t('portal.contract.progress')}</h4>
              <p>
                <ProgressText used={contract.progress.used} agreed={contract.progress.agreed} />
              </p>
            </div>
            {contract.status === 'active' ? (
              <>
                <div>
                  <h4 className="font-semibold">{t('portal.contract.nextSession')}</h4>
                  <NextSession session={contract.nextSession} />
                </div>
                <div>
                  <h4 className="font-semibold">{t('portal.contract.cancellation')}</h4>
                  <CancellationRule {...contract} />
                </div>
              </>
            ) : null}
            <p>
              <Link to={`/portal/contracts/${contract.id}`}>
                {t('portal.contract.detailsLink')}
              </Link>
            </p>
          </section>
        ))}
      </div>
      <PracticeContact {...contact} />
    </>
  );
}

/** How to reach the practice, as its owner gave it on the practice profile; nothing if not. */
function PracticeContact({
  practiceName,
  email,
  phone,
}: {
  practiceName: string;
  email: string | null;
  phone: string | null;
}) {
  const t = useT();
  if (!email && !phone) return null;
  return (
    <section aria-labelledby="practice-contact" className="mt-8 max-w-3xl">
      <h2 id="practice-contact" className="text-lg font-semibold">
        {t('practice.contact.heading', { practice: practiceName })}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {email ? (
          <>
            <dt className="font-medium">{t('practice.contact.email')}</dt>
            <dd className="break-words">
              <a href={`mailto:${email}`}>{email}</a>
            </dd>
          </>
        ) : null}
        {phone ? (
          <>
            <dt className="font-medium">{t('practice.contact.phone')}</dt>
            <dd>
              <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`}>{phone}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
