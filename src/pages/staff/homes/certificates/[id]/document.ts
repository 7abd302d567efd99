// A certificate's document, for officers: a photo shown in the approval page, a PDF downloaded to
// open. Never kept by a shared cache, never public.
import type { APIRoute } from 'astro';
import { certificateDocumentResponse } from '../../../../../server/homes/certificate-document.ts';
import { staffContext } from '../../../../../server/web/staff-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, params }) => {
  const { db, actor } = staffContext(locals, 'landlords:manage');
  return certificateDocumentResponse(db, actor, params.id ?? '');
};
