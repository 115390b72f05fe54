/**
 * The renderer's Content-Security-Policy, the same in Electron and in browser mode:
 * our own scripts only, no remote resources, images only from the app or data: URLs
 * (figures are embedded in the conference file).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'self' blob:",
].join('; ');
