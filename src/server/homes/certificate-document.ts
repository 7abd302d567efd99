// The HTTP answer for a certificate's document, shared by the officers' and the landlord's
// addresses: the bytes with their type, private and never cached; a PDF as a download (the
// service's content security policy lets no page embed one), a photo shown as it is.
import type { Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { certificateDocument } from './certificates.ts';

export async function certificateDocumentResponse(db: AppDatabase, actor: Actor, id: string): Promise<Response> {
  const found = await certificateDocument(db, actor, id.slice(0, 64));
  if (!found)
    return new Response('There is no such certificate.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const disposition = found.contentType === 'application/pdf' ? 'attachment' : 'inline';
  return new Response(found.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': found.contentType,
      'Content-Disposition': `${disposition}; filename="${found.name}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
