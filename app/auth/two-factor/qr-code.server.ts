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
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
