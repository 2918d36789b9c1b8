import { Link } from '@remix-run/react';

import { useT } from '~/i18n/react';
import { ScrollBox } from '~/ui/scroll-box';

import { StatusBadge } from './display';
import type { listContracts } from './list-contracts.server';
import { ContractProgress } from './progress';

type ContractRow = Awaited<ReturnType<typeof listContracts>>[number];

/** Contracts as a table: on the contract list, a client's page and a commissioner's page. */
export function ContractTable({
  contracts,
  total = contracts.length,
}: {
  contracts: ContractRow[];
  /** All the contracts listed, when this is one page of them. */
  total?: number;
}) {
  const t = useT();
  return (
    <ScrollBox label={t('contracts.count', { count: total })}>
      <table className="w-full text-left">
        <caption className="sr-only">{t('contracts.count', { count: total })}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('contracts.code')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('contracts.participants')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('contracts.commissioner')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('contracts.form')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('contracts.status')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('contracts.progress')}
            </th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((contract) => (
            <tr key={contract.id} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 font-normal">
                <Link to={`/contracts/${contract.id}`}>{contract.code}</Link>
              </th>
              <td className="px-3 py-2">{contract.participantNames.join(', ')}</td>
              <td className="px-3 py-2">{contract.commissionerName}</td>
              <td className="px-3 py-2">{t(`contracts.form.${contract.form}`)}</td>
              <td className="px-3 py-2">
                <StatusBadge status={contract.status} />
              </td>
              <td className="px-3 py-2">
                <ContractProgress {...contract.progress} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
