/**
 * Virtual users: each signs in as one of the practice's supervisors, then reads pages and
 * books and moves sessions on both instances, choosing the instance at random for every
 * request (the session cookie is the same on both). Every response is recorded with its
 * time, and every acknowledged write with what it wrote.
 */
import { SESSION_COOKIE } from '~/auth/session.server';
import { helsinkiInstant } from '~/time/helsinki';

import type { SupervisorPlan } from './database';
import type { Instance } from './instances';

export interface ResponseRecord {
  /** Milliseconds on the script's clock (performance.now()). */
  start: number;
  end: number;
  instance: string;
  kind: 'login' | 'read' | 'book' | 'move';
  /** 0 when no answer came (connection refused, or 30 s without one). */
  status: number;
  /** For a 5xx: the app's own error page, and no stack trace in it. */
  cleanErrorPage?: boolean;
  /** The start of a 5xx body that was not the app's clean error page. */
  body?: string;
}

/** A session as the last acknowledged write left it, and moves tried since without answer. */
export interface AcknowledgedSession {
  id: string;
  startsAt: Date;
  unansweredMoves: Date[];
}

interface Slot {
  date: string;
  time: string;
  instant: Date;
}

export interface LoadState {
  responses: ResponseRecord[];
  sessions: Map<string, AcknowledgedSession>;
  acknowledgedWrites: number;
}

const REQUEST_TIMEOUT_MS = 30_000;
const SLOTS_PER_DAY = 6;
// Far past the generated history: every booking gets a time of its own, so none is refused
// as a double booking, and none is near enough to be reminded of during the run.
export const FIRST_SLOT_DAY = new Date(Date.UTC(2031, 0, 6));

export function createLoadState(): LoadState {
  return { responses: [], sessions: new Map(), acknowledgedWrites: 0 };
}

let nextSlotIndex = 0;
function nextSlot(): Slot {
  const index = nextSlotIndex++;
  const day = new Date(FIRST_SLOT_DAY.getTime() + Math.floor(index / SLOTS_PER_DAY) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const time = `${String(8 + (index % SLOTS_PER_DAY) * 2).padStart(2, '0')}:00`;
  return { date, time, instant: helsinkiInstant(date, time) };
}

const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};

export function runVirtualUser(options: {
  state: LoadState;
  instances: Instance[];
  supervisor: SupervisorPlan;
  password: string;
  /** A signed-in session of the supervisor's, shared by the users who act as them. */
  cookie: string;
  until: () => boolean;
}): Promise<void> {
  const { state, instances, supervisor } = options;
  const own: string[] = [];
  let cookie = options.cookie;
  let lastStatus = 0;

  async function send(
    instance: Instance,
    kind: ResponseRecord['kind'],
    path: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; location: string | null; setCookie: string[] }> {
    const start = performance.now();
    const record: ResponseRecord = { start, end: start, instance: instance.name, kind, status: 0 };
    let location: string | null = null;
    let setCookie: string[] = [];
    try {
      const response = await fetch(`${instance.origin}${path}`, {
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        method: form ? 'POST' : 'GET',
        headers: {
          Accept: 'text/html',
          'Accept-Language': 'fi',
          'Accept-Encoding': 'gzip, br',
          ...(cookie ? { Cookie: cookie } : {}),
          ...(form
            ? { Origin: instance.origin, 'Content-Type': 'application/x-www-form-urlencoded' }
            : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
      const body = await response.text();
      record.status = response.status;
      location = response.headers.get('location');
      setCookie = response.headers.getSetCookie();
      if (response.status >= 500) {
        // The server's own 503/500 page, or the app's error boundary, in Finnish.
        record.cleanErrorPage =
          /Tilapäisesti poissa käytöstä|Jokin meni vikaan/.test(body) &&
          !/\bat \S+:\d+|Error:/.test(body);
        if (!record.cleanErrorPage) record.body = body.slice(0, 300);
      }
    } catch (error) {
      record.status = 0;
      record.body = error instanceof Error ? `${error.name}: ${error.message}` : 'no answer';
    }
    record.end = performance.now();
    state.responses.push(record);
    lastStatus = record.status;
    return { status: record.status, location, setCookie };
  }

  async function logIn(): Promise<void> {
    while (!options.until()) {
      const instance = pick(instances);
      const { setCookie } = await send(instance, 'login', '/login', {
        email: supervisor.email,
        password: options.password,
        redirectTo: '',
      });
      const session = setCookie
        .map((c) => c.split(';')[0] ?? '')
        .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
      if (session) {
        cookie = session;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function book(instance: Instance): Promise<void> {
    const slot = nextSlot();
    const { status, location } = await send(instance, 'book', '/sessions/new', {
      contractId: pick(supervisor.contractIds),
      date: slot.date,
      time: slot.time,
      minutes: '60',
      evaluationKind: 'none',
      bookAsExtra: 'on',
    });
    const id = /^\/sessions\/([0-9a-f-]{36})$/.exec(location ?? '')?.[1];
    if (status === 302 && id) {
      state.sessions.set(id, { id, startsAt: slot.instant, unansweredMoves: [] });
      state.acknowledgedWrites += 1;
      own.push(id);
    }
  }

  async function move(instance: Instance, id: string): Promise<void> {
    const session = state.sessions.get(id);
    if (!session) return;
    const slot = nextSlot();
    const { status, location } = await send(instance, 'move', `/sessions/${id}`, {
      intent: 'reschedule',
      date: slot.date,
      time: slot.time,
      minutes: '60',
    });
    if (status === 302 && location === `/sessions/${id}`) {
      session.startsAt = slot.instant;
      session.unansweredMoves = [];
      state.acknowledgedWrites += 1;
    } else if (status === 0 || status >= 500) {
      // It may have been committed all the same: the check at the end allows either.
      session.unansweredMoves.push(slot.instant);
    }
  }

  function readPath(): string {
    const choices = [
      '/calendar',
      '/clients',
      '/contracts',
      `/clients/${pick(supervisor.clientIds)}`,
      `/contracts/${pick(supervisor.contractIds)}`,
    ];
    if (own.length > 0) choices.push(`/sessions/${pick(own)}`);
    return pick(choices);
  }

  return (async () => {
    while (!options.until()) {
      const instance = pick(instances);
      const roll = Math.random();
      if (roll < 0.15) await book(instance);
      else if (roll < 0.22 && own.length > 0) await move(instance, pick(own));
      else {
        const { status, location } = await send(instance, 'read', readPath());
        // A session that ended (it should not) is answered with the login page: sign in again.
        if (status === 302 && location?.startsWith('/login')) await logIn();
      }
      // After a failure, a real browser user does not hammer the server.
      if (lastStatus === 0 || lastStatus >= 500) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  })();
}
