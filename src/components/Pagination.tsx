// GOV.UK pagination (govuk-frontend's pagination component, written as markup): Previous, the
// first and last pages, the current page with its neighbours, and Next. Plain links, so it works
// with JavaScript off; rendered by Astro pages on the server and by the queue island alike.
import { pageLinks } from '../domain/paging.ts';

export interface PaginationProps {
  page: number;
  pageCount: number;
  /** The address of page n, keeping the list's filters. */
  hrefFor: (page: number) => string;
  /** What the navigation landmark is called, such as "Pages of hand-offs". */
  label: string;
}

export default function Pagination({ page, pageCount, hrefFor, label }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav class="govuk-pagination" aria-label={label}>
      {page > 1 && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={hrefFor(page - 1)} rel="prev">
            <svg
              class="govuk-pagination__icon govuk-pagination__icon--prev"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span class="govuk-pagination__link-title">
              Previous<span class="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
      <ul class="govuk-pagination__list">
        {pageLinks(page, pageCount).map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} class="govuk-pagination__item govuk-pagination__item--ellipsis">
              &ctdot;
            </li>
          ) : (
            <li key={item} class={`govuk-pagination__item${item === page ? ' govuk-pagination__item--current' : ''}`}>
              <a
                class="govuk-link govuk-pagination__link"
                href={hrefFor(item)}
                aria-label={`Page ${item}`}
                aria-current={item === page ? 'page' : undefined}
              >
                {item}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={hrefFor(page + 1)} rel="next">
            <span class="govuk-pagination__link-title">
              Next<span class="govuk-visually-hidden"> page</span>
            </span>
            <svg
              class="govuk-pagination__icon govuk-pagination__icon--next"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
          </a>
        </div>
      )}
    </nav>
  );
}
