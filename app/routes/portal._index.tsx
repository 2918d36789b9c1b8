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
  return { name: actor.auth.user.name, contracts };
}

export default function PortalHome() {
  const t = useT();
  const { name, contracts } = useLoaderData<typeof loader>();
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
    </>
  );
}
