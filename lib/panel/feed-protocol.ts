/** The panel feed's wire protocol, shared by the panel and the background (lib/panel/feed.ts). */
import { z } from 'zod/mini';
import { PanelModelSchema } from './model-schema';

export const PANEL_FEED_PORT = 'panel-feed';

export const FeedRequest = z.object({ type: z.literal('subscribe'), host: z.string().check(z.regex(/^[a-z0-9-]+\.(amocrm\.ru|amocrm\.com|kommo\.com)$/)) });
export const FeedMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('model'), model: PanelModelSchema }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type FeedMessage = z.infer<typeof FeedMessage>;
