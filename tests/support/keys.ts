// The data keys the tests seal and open with: the development keys, as every test server and
// `astro dev` uses when DATA_KEYS and LOOKUP_KEY are not set (src/config/data-keys.ts).
import { parseDataKeys } from '../../src/config/data-keys.ts';

export const ring = parseDataKeys(undefined, undefined, false);
