// govuk-frontend ships no type declarations; these cover the components this service starts.
declare module 'govuk-frontend' {
  class GovukComponent {
    constructor(root: Element | null, config?: Record<string, unknown>);
  }
  export class ExitThisPage extends GovukComponent {}
  export class ServiceNavigation extends GovukComponent {}
  export class SkipLink extends GovukComponent {}
  export class ErrorSummary extends GovukComponent {}
  export class Button extends GovukComponent {}
  export class Radios extends GovukComponent {}
  export class Checkboxes extends GovukComponent {}
}
