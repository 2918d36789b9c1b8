import type { ShellLink } from '~/ui/app-shell';

/** The portal's main navigation; each portal page adds its link here. */
export const portalNav: ShellLink[] = [
  { to: '/portal', label: 'portal.nav.home', end: true },
  { to: '/portal/summaries', label: 'portal.nav.summaries' },
  { to: '/portal/themes', label: 'portal.nav.themes' },
  { to: '/portal/actions', label: 'portal.nav.actions' },
  { to: '/portal/exercises', label: 'portalExercises.nav' },
  { to: '/portal/evaluations', label: 'portalEvaluations.nav' },
  { to: '/portal/feedback', label: 'feedback.nav' },
];

/** The portal's user menu. */
export const portalMenu: ShellLink[] = [
  { to: '/account/two-factor', label: 'portal.nav.account' },
  { to: '/portal/export', label: 'portalExport.nav' },
];
