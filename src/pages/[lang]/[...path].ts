// /pl/…, /ur/…: the middleware (src/middleware.ts, chooseLanguage) serves these as the English
// page in that language before this route is reached. Anything that gets here is not a page.
import type { APIRoute } from 'astro';

export const prerender = false;

export const ALL: APIRoute = ({ rewrite }) => rewrite('/404');
