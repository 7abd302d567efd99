// A problem with what someone typed, against the field it is about: for the GOV.UK error
// summary's link and the inline message. The one shape every form's errors take.
export interface FormError {
  /** The field in error (the id the error summary links to). */
  field: string;
  message: string;
}
