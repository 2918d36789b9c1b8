import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { cpuMillisecondsOf, cpuMillisecondsOfTree, parseCpuTicks } from './proc-stat';

describe('parseCpuTicks', () => {
  it('reads utime and stime (fields 14 and 15)', () => {
    const line =
      '4242 (node) S 4200 4242 4200 34816 4242 4194304 9000 0 12 0 1534 287 0 0 20 0 11 0 123456 1234567890 45678 18446744073709551615';
    expect(parseCpuTicks(line)).toEqual({ user: 1534, system: 287 });
  });

  it('counts fields from the last parenthesis, whatever the command name holds', () => {
    const line = '77 (we ird) (name) R 1 77 77 0 -1 4194560 10 0 0 0 9 3 0 0 20 0 1 0 5 6 7';
    expect(parseCpuTicks(line)).toEqual({ user: 9, system: 3 });
  });

  it('refuses text that is not a stat line', () => {
    expect(() => parseCpuTicks('no such process')).toThrow();
    expect(() => parseCpuTicks('1 (short) S 0 1')).toThrow();
  });
});

describe('cpuMillisecondsOfTree', () => {
  it("adds the CPU of a process's children (the app's HTTP workers) to its own", async () => {
    // A parent that idles, with a child that spins for 400 ms of CPU and then idles too.
    const child = `while (process.cpuUsage().user < 400e3); setTimeout(() => {}, 2000);`;
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'ignore' }); setTimeout(() => {}, 10000);`,
      ],
      { stdio: 'ignore' },
    );
    try {
      const pid = parent.pid as number;
      let childCpu = 0;
      for (let i = 0; i < 80 && childCpu < 300; i += 1) {
        await sleep(100);
        childCpu = cpuMillisecondsOfTree(pid) - cpuMillisecondsOf(pid);
      }
      expect(childCpu).toBeGreaterThanOrEqual(300);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
