import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';

import { qrCodeDrawing } from './qr-code.server';

describe('the QR code drawing', () => {
  it('covers exactly the dark modules qrcode computes, inside a quiet zone of four', () => {
    const text = 'otpauth://totp/Ohjaamo:a%40b.fi?secret=AD7BAHLKIO5YDC446DK4EB7S6IWXGJCO';
    const { size, path } = qrCodeDrawing(text);
    const drawn = new Set<string>();
    for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(run); i++) drawn.add(`${Number(x) + i},${Number(y)}`);
    }
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const dark = new Set<string>();
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) dark.add(`${col + 4},${row + 4}`);
      }
    }
    expect(size).toBe(modules.size + 8);
    expect(drawn).toEqual(dark);
  });
});
