/**
 * Every test's self-assessments and hand-offs come from 127.0.0.1, far beyond what one address may
 * do in an hour, so the test servers raise the public limits; the limits themselves are tested on
 * a server of their own with small ones (rate-limits.spec.ts).
 */
export const EVERY_TEST_FROM_ONE_ADDRESS = {
  SELF_ASSESSMENTS_PER_HOUR: '1000000',
  HANDOFFS_PER_HOUR: '1000000',
  PACK_REQUESTS_PER_HOUR: '1000000',
  SHARE_CODES_PER_HOUR: '1000000',
};
