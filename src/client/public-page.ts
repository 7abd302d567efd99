// The only script on public pages. It enhances what already works without it:
// the Shift-three-times quick exit, the header's menu button, "copy code" buttons, and counting
// the visit (src/client/analytics.ts).
import { ExitThisPage, ServiceNavigation, SkipLink } from 'govuk-frontend';
import { enableCopyButtons } from './copy-code.ts';
import './analytics.ts';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');

for (const element of document.querySelectorAll<HTMLElement>('[data-module="govuk-exit-this-page"]')) {
  new ExitThisPage(element);
}
for (const element of document.querySelectorAll<HTMLElement>('[data-module="govuk-service-navigation"]')) {
  new ServiceNavigation(element);
}
for (const element of document.querySelectorAll<HTMLAnchorElement>('[data-module="govuk-skip-link"]')) {
  new SkipLink(element);
}
enableCopyButtons();
