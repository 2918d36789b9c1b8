import { describe, expect, it } from 'vitest';

import { parseCpuTicks } from './proc-stat';

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
