/**
 * CPU time of another process, read from Linux's /proc/<pid>/stat: the server under load
 * is measured from outside, so production code needs no endpoint for it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTicks {
  user: number;
  system: number;
}

/**
 * utime and stime (fields 14 and 15, in clock ticks) of a /proc/<pid>/stat line. The
 * command name (field 2) sits in parentheses and may hold spaces or parentheses itself,
 * so the fields are counted from the last ')'.
 */
export function parseCpuTicks(statLine: string): CpuTicks {
  const end = statLine.lastIndexOf(')');
  if (end < 0) throw new Error('not a /proc/<pid>/stat line');
  // After the name come field 3 (state), field 4, …: field n is at index n - 3.
  const fields = statLine
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  const user = Number(fields[14 - 3]);
  const system = Number(fields[15 - 3]);
  if (!Number.isInteger(user) || !Number.isInteger(system)) {
    throw new Error('not a /proc/<pid>/stat line');
  }
  return { user, system };
}

let ticksPerSecond: number | undefined;

function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU the process (all its threads) has used so far, in milliseconds. */
export function cpuMillisecondsOf(pid: number): number {
  const { user, system } = parseCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return ((user + system) * 1000) / clockTicksPerSecond();
}

/**
 * The same for a process and its children (the app's HTTP workers, server.ts), read from
 * /proc/<pid>/task/<tid>/children. A child that has exited no longer counts.
 */
export function cpuMillisecondsOfTree(pid: number): number {
  return [pid, ...childPidsOf(pid)].reduce((sum, each) => {
    try {
      return sum + cpuMillisecondsOf(each);
    } catch {
      return sum;
    }
  }, 0);
}

/** The live children of a process, from /proc/<pid>/task/<tid>/children. */
export function childPidsOf(pid: number): number[] {
  const children: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const listed = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    if (listed) children.push(...listed.split(/\s+/).map(Number));
  }
  return children;
}
