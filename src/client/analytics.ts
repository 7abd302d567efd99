// Counts the visit, without cookies or local storage: the official Plausible tracker, sending to
// this service's own /api/event. Only the page's address without its query (which can hold a
// code) and the other site's origin leave the browser, with the window's width for the device
// class. The server hashes and forgets the rest (src/server/analytics/count-request.ts).
import { init } from '@plausible-analytics/tracker';

init({
  // The server counts only its own site (SITE_URL's host): an event naming another is dropped.
  domain: location.hostname,
  endpoint: '/api/event',
  captureOnLocalhost: true,
  logging: false,
  bindToWindow: false,
  transformRequest: (payload) => ({
    ...payload,
    u: location.origin + location.pathname,
    r: payload.r && URL.canParse(payload.r) ? new URL(payload.r).origin : null,
    w: window.innerWidth,
  }),
});
