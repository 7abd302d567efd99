// The back-office's page script: GOV.UK's menu button, skip link and error summary focus. The
// busy parts (queue filters, plan rows) are Preact islands of their own.
import { Checkboxes, ErrorSummary, Radios, ServiceNavigation, SkipLink } from 'govuk-frontend';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');

for (const element of document.querySelectorAll<HTMLElement>('[data-module="govuk-service-navigation"]')) new ServiceNavigation(element);
for (const element of document.querySelectorAll<HTMLAnchorElement>('[data-module="govuk-skip-link"]')) new SkipLink(element);
for (const element of document.querySelectorAll<HTMLElement>('[data-module="govuk-error-summary"]')) new ErrorSummary(element);
for (const element of document.querySelectorAll<HTMLElement>('[data-module="govuk-radios"]')) new Radios(element);
for (const element of document.querySelectorAll<HTMLElement>('[data-module="govuk-checkboxes"]')) new Checkboxes(element);
