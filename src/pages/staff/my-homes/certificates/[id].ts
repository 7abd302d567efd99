// A certificate's document, for the landlord whose home it is (another landlord's is not found).
import type { APIRoute } from 'astro';
import { certificateDocumentResponse } from '../../../../server/homes/certificate-document.ts';
import { staffContext } from '../../../../server/web/staff-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, params }) => {
  const { db, actor } = staffContext(locals, 'homes:own');
  return certificateDocumentResponse(db, actor, params.id ?? '');
};
