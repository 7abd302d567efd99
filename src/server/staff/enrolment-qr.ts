// The second factor's enrolment link as a QR code, drawn as SVG on the server (no script, no
// image request that could leak the key): an authenticator app scans it instead of the typed key.
import { renderSVG } from 'uqr';

export function enrolmentQrSvg(uri: string): string {
  const svg = renderSVG(uri, { border: 4, ecc: 'M' });
  // Drawn at a size a phone camera reads from a screen; named for screen readers.
  return svg.replace('<svg ', '<svg role="img" aria-label="QR code for your authenticator app" width="200" height="200" class="app-qr" ');
}
