/**
 * Imported first by every extension page and the background: zod's JIT probe (`new Function`)
 * is refused by the extension's content security policy and only costs time, so switch it off.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });
