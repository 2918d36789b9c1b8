import { Link } from '@remix-run/react';

import type { Contract } from '#db/schema/contracts';
import type { Theme } from '#db/schema/values';
import { formatDate } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { formatMoney } from '~/money/cents';
import { DetailList } from '~/ui/detail-list';

import { formatDay, vatText } from './display';
import { ContractProgress } from './progress';

export interface ContractDetailsData extends Omit<
  Contract,
  'activatedAt' | 'endedAt' | 'createdAt' | 'updatedAt'
> {
  activatedAt: Date | string | null;
  endedAt: Date | string | null;
  commissioner: { id: string; name: string };
  supervisor: { id: string; name: string };
  participants: { id: string; name: string }[];
  goals: { id: string; text: string; theme: Theme | null }[];
  progress: { used: number; agreed: number; upcoming: number };
}

function Heading({ children }: { children: string }) {
  return <h2 className="mb-2 mt-6 text-lg font-semibold">{children}</h2>;
}

/** Everything the contract records, in the order of the contract form. */
export function ContractDetails({ contract }: { contract: ContractDetailsData }) {
  const t = useT();
  const locale = useLocale();
  const yesNo = (value: boolean) => (value ? t('contracts.yes') : t('contracts.no'));
  const moment = (value: Date | string | null) =>
    value === null ? null : formatDate(new Date(value), locale);
  return (
    <>
      <Heading>{t('contracts.parties')}</Heading>
      <DetailList
        items={[
          [t('contracts.supervisor'), contract.supervisor.name],
          [
            t('contracts.commissioner'),
            <Link key="c" to={`/commissioners/${contract.commissioner.id}`}>
              {contract.commissioner.name}
            </Link>,
          ],
          [t('contracts.form'), t(`contracts.form.${contract.form}`)],
          [
            t('contracts.participants'),
            <ul key="p" className="flex flex-col gap-1">
              {contract.participants.map((participant) => (
                <li key={participant.id}>
                  <Link to={`/clients/${participant.id}`}>{participant.name}</Link>
                </li>
              ))}
            </ul>,
          ],
          [t('contracts.progress'), <ContractProgress key="g" {...contract.progress} />],
          [t('contracts.activatedAt'), moment(contract.activatedAt)],
          // An open contract has no end yet; "not given" would read as missing data.
          ...(contract.endedAt
            ? [[t('contracts.endedAt'), moment(contract.endedAt)] as [string, string]]
            : []),
        ]}
      />
      <Heading>{t('contracts.practicalities')}</Heading>
      <DetailList
        items={[
          [t('contracts.sessionsAgreed'), String(contract.sessionsAgreed)],
          [t('contracts.sessionMinutes'), t('contracts.minutes', { n: contract.sessionMinutes })],
          [
            t('contracts.rhythmWeeks'),
            contract.rhythmWeeks === null
              ? null
              : t('contracts.everyWeeks', { n: contract.rhythmWeeks }),
          ],
          [t('contracts.startsOn'), formatDay(contract.startsOn, locale)],
          [
            t('contracts.plannedEndOn'),
            contract.plannedEndOn ? formatDay(contract.plannedEndOn, locale) : null,
          ],
          [t('contracts.location'), contract.location],
          [
            t('contracts.remoteLink'),
            contract.remoteLink ? (
              <a href={contract.remoteLink} rel="noreferrer noopener" target="_blank">
                {contract.remoteLink}
              </a>
            ) : null,
          ],
        ]}
      />
      <Heading>{t('contracts.content')}</Heading>
      <DetailList
        items={[
          [
            t('contracts.guidingQuestion'),
            contract.guidingQuestion ? (
              <p className="whitespace-pre-line">{contract.guidingQuestion}</p>
            ) : null,
          ],
          [
            t('contracts.goals'),
            contract.goals.length === 0 ? (
              t('contracts.noGoals')
            ) : (
              <ol className="list-decimal pl-5">
                {contract.goals.map((goal) => (
                  <li key={goal.id}>
                    {goal.text}
                    {goal.theme ? (
                      <span className="text-slate-600"> – {t(`theme.${goal.theme}`)}</span>
                    ) : null}
                  </li>
                ))}
              </ol>
            ),
          ],
          [
            t('contracts.methods'),
            contract.methods ? <p className="whitespace-pre-line">{contract.methods}</p> : null,
          ],
        ]}
      />
      <Heading>{t('contracts.money')}</Heading>
      <DetailList
        items={[
          [t('contracts.price'), formatMoney(contract.priceCents, locale)],
          [t('contracts.vat'), vatText(contract, t, locale)],
          [t('contracts.payer'), t(`contracts.payer.${contract.payer}`)],
        ]}
      />
      <Heading>{t('contracts.cancellation')}</Heading>
      <DetailList
        items={[
          [
            t('contracts.cancellationNoticeHours'),
            t('contracts.hours', { n: contract.cancellationNoticeHours }),
          ],
          [t('contracts.chargeLateCancellation'), yesNo(contract.chargeLateCancellation)],
          [t('contracts.chargeNoShow'), yesNo(contract.chargeNoShow)],
        ]}
      />
      <Heading>{t('contracts.confidentiality')}</Heading>
      <DetailList
        items={[
          [
            t('contracts.commissionerDisclosure'),
            t(`contracts.disclosure.${contract.commissionerDisclosure}`),
          ],
          [t('contracts.retentionMonths'), t('contracts.months', { n: contract.retentionMonths })],
        ]}
      />
    </>
  );
}
