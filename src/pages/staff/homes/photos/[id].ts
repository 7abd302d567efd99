// A photo of a home, for officers, whatever its advert's state. Never kept by a shared cache.
import type { APIRoute } from 'astro';
import { officerPhoto } from '../../../../server/homes/photos.ts';
import { staffContext } from '../../../../server/web/staff-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, params }) => {
  const { db, actor } = staffContext(locals, 'landlords:manage');
  const bytes = params.id ? await officerPhoto(db, actor, params.id.slice(0, 64)) : null;
  if (!bytes) return new Response('There is no such photo.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=3600' },
  });
};
