// The forms of an advert's page, one set for the officer's page (/staff/homes/[id]) and the
// landlord's own (/staff/my-homes/[id]), and of the new-home page for both: each names the use
// case it runs and the field its problems belong to. What each person may do is checked inside
// the use cases; a page offers only the intents its person uses.
import type { CertificateForm } from '../../domain/homes/certificates.ts';
import type { FormAction } from '../web/answer-form.ts';
import { field, firstValues, readUpload, type FormValues } from '../web/forms.ts';
import { FormProblems } from '../web/problems.ts';
import type { StaffContext } from '../web/staff-context.ts';
import { sendCertificate } from './certificates.ts';
import { decideInterest } from './interest.ts';
import { AdvertProblem, advertFormErrors, createHomeAdvert, editAdvert, setAdvertState } from './manage-adverts.ts';
import { addPhoto, removePhoto } from './photos.ts';

export type AdvertIntent = 'state' | 'details' | 'certificate' | 'photo' | 'remove-photo' | 'shortlist';

/**
 * The advert page's forms, for the intents given. Each goes back to `after(intent)`. Uploads are
 * read from the request only by the forms that carry one.
 */
export function advertFormActions(
  context: StaffContext,
  advertId: string,
  request: Request,
  intents: readonly AdvertIntent[],
  after: (intent: AdvertIntent) => string,
): Record<string, FormAction> {
  const { db, actor, now, rules, ring } = context;
  const upload = async (name: string) => (await readUpload(request, name)) ?? new Uint8Array();
  const all: Record<AdvertIntent, { field: (form: FormValues) => string; run: (form: FormValues) => Promise<unknown> }> = {
    state: { field: () => 'advert-state', run: (form) => setAdvertState(db, actor, advertId, field(form, 'action'), now) },
    details: { field: () => 'rent', run: (form) => editAdvert(db, actor, advertId, firstValues(form), now, ring) },
    certificate: {
      field: () => 'kind',
      run: async (form) =>
        sendCertificate(db, actor, advertId, firstValues(form, 20) as unknown as CertificateForm, await upload('document'), now, ring),
    },
    photo: {
      field: () => 'photo',
      run: async (form) => addPhoto(db, actor, advertId, { bytes: await upload('photo') }, field(form, 'alt'), now),
    },
    'remove-photo': { field: () => 'photos', run: (form) => removePhoto(db, actor, advertId, field(form, 'photo-id'), now) },
    shortlist: {
      field: (form) => `action-${field(form, 'interest')}`,
      run: (form) =>
        decideInterest(
          db,
          actor,
          field(form, 'interest'),
          {
            action: field(form, 'action'),
            reason: field(form, 'reason'),
            startDay: field(form, 'start-day'),
            startMonth: field(form, 'start-month'),
            startYear: field(form, 'start-year'),
            rent: field(form, 'rent'),
          },
          now,
          rules,
          ring,
        ),
    },
  };
  return Object.fromEntries(
    intents.map((intent) => [
      intent,
      {
        field: all[intent].field,
        run: async (form: FormValues) => {
          await all[intent].run(form);
          return after(intent);
        },
      },
    ]),
  );
}

/** The new-home form: every field checked first (all problems at once), then the home and its advert made as a draft. */
export function newAdvertAction(context: StaffContext, landlordId: string, after: (advertId: string) => string): FormAction {
  const { db, actor, now, ring } = context;
  return {
    field: 'address',
    run: async (values) => {
      const form = firstValues(values);
      const { errors } = advertFormErrors(form);
      if (errors.length > 0) throw new FormProblems(errors);
      return after(await createHomeAdvert(db, actor, landlordId, form, now, ring));
    },
  };
}

export { AdvertProblem };
