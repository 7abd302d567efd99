// Email addresses, the one set of rules every form, search and lookup uses: checked strictly
// enough to keep markup, quotes and brackets out, and compared as people mean them (no case, no
// surrounding spaces).

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * An email address as people and mail servers use them: a local part without spaces, quotes,
 * brackets or markup, an @, and a domain of letters, digits and hyphens with a dot.
 */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254 || !EMAIL.test(value)) return false;
  const local = value.slice(0, value.lastIndexOf('@'));
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

/** An email address compared as people mean it: without case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
