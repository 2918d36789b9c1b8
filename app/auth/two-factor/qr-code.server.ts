import QRCode from 'qrcode';

/** A QR code as one SVG path of its dark modules, drawn by the page without any script. */
export interface QrCodeDrawing {
  /** Modules per side, quiet zone included. */
  size: number;
  path: string;
}

const QUIET_ZONE = 4;

/** Encodes `text` with the qrcode library and describes its modules as an SVG path. */
export function qrCodeDrawing(text: string): QrCodeDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per run of dark modules in a row keeps the page small.
    for (let col = 0; col < modules.size;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      let run = 1;
      while (col + run < modules.size && modules.get(row, col + run)) run++;
      parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
      col += run;
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
