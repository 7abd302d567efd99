// A photo of a home, for the public: only while its advert may be seen. The id never shows
// different bytes, so it may be cached for good.
import type { APIRoute } from 'astro';
import { localDate } from '../../../domain/time/working-days.ts';
import { publicPhoto } from '../../../server/homes/listing.ts';
import { requestContext } from '../../../server/web/request-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals }) => {
  const { db, now } = requestContext(locals);
  const bytes = params.id ? await publicPhoto(db, params.id.slice(0, 64), localDate(now)) : null;
  if (!bytes) return new Response('There is no such photo.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'image/jpeg',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Length': String(bytes.length),
    },
  });
};
