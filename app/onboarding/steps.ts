/** The setup checklist's steps, in the order a new practice takes them, and where each is done. */
export const SETUP_STEPS = [
  'practice',
  'member',
  'commissioner',
  'client',
  'contract',
  'session',
  'feed',
] as const;

export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupChecklist {
  steps: { step: SetupStep; done: boolean }[];
}

export const SETUP_STEP_LINKS: Record<SetupStep, string> = {
  practice: '/settings/invoicing',
  member: '/settings/members',
  commissioner: '/commissioners/new',
  client: '/clients/new',
  contract: '/contracts/new',
  session: '/sessions/new',
  feed: '/settings/calendar',
};
