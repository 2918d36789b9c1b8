import type { ShellLink } from '~/ui/app-shell';

/** The portal's main navigation; each portal page adds its link here. */
export const portalNav: ShellLink[] = [
  { to: '/portal', label: 'portal.nav.home', end: true },
  { to: '/portal/feedback', label: 'feedback.nav' },
];

/** The portal's user menu. */
export const portalMenu: ShellLink[] = [];
