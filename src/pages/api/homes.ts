// Open data: the live adverts as JSON, with the same filters as /homes (documented in the README).
// No personal data and no full address; the licence is the council's (see README).
import type { APIRoute } from 'astro';
import { MAX_PAGE_SIZE, pageNumberFrom, pageRequest } from '../../domain/paging.ts';
import { localDate } from '../../domain/time/working-days.ts';
import { homeFilterFrom, searchHomes } from '../../server/homes/listing.ts';
import { requestContext } from '../../server/web/request-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) => {
  const { filter, errors } = homeFilterFrom(url.searchParams);
  if (errors.length > 0) return Response.json({ errors }, { status: 400 });
  const size = Math.min(MAX_PAGE_SIZE, Number(url.searchParams.get('per-page')) || 50);
  const page = await searchHomes(
    requestContext(locals).db,
    filter,
    localDate(requestContext(locals).now),
    pageRequest(pageNumberFrom(url.searchParams.get('page')), size),
  );
  return Response.json(
    {
      total: page.total,
      page: page.page,
      pageCount: page.pageCount,
      homes: page.rows.map((home) => ({
        id: home.id,
        url: new URL(`/homes/${home.id}`, url).toString(),
        street: home.street,
        area: home.area,
        type: home.type,
        bedrooms: home.bedrooms,
        rentPerMonth: home.rentPcm / 100,
        availableFrom: home.availableFrom,
        shared: home.shared,
        stepFree: home.stepFree,
        acceptsHousingCostsHelp: home.housingCostsHelp,
      })),
    },
    { headers: { 'Cache-Control': 'public, max-age=300' } },
  );
};
