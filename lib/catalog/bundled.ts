/**
 * The catalog shipped with the extension, used when the endpoint's cannot be had. Ingroup's real
 * widget codes are not public: until Ingroup publishes its catalog at the endpoint, the bundled
 * copy holds clearly marked demo codes (`ingroup_demo_*`).
 */
import raw from './bundled.json';
import { CatalogSchema, type Catalog } from './schema';

export const BUNDLED_CATALOG: Catalog = CatalogSchema.parse(raw);
