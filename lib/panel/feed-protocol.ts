/** The panel feed's wire protocol, shared by the panel and the background (lib/panel/feed.ts). */
import { z } from 'zod/mini';
import { WireError } from '../errors';
import { PanelModelSchema } from './model-schema';

export const PANEL_FEED_PORT = 'panel-feed';

/** The account is not named: the background binds the panel to the tab it sits in (DESIGN §8). */
export const FeedRequest = z.strictObject({ type: z.literal('subscribe') });
export const FeedMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('model'), model: PanelModelSchema }),
  z.object({ type: z.literal('error'), error: WireError }),
]);
export type FeedMessage = z.infer<typeof FeedMessage>;
