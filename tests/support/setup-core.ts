// Every test of lib/ gets a fresh in-memory IndexedDB and WXT's fake `browser`.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** WXT's fake has no permissions: every host permission is held unless a test says otherwise. */
function holdAllPermissions(): void {
  const event = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  Object.assign(fakeBrowser.permissions, { contains: async () => true, onAdded: event, onRemoved: event });
}

beforeEach(() => {
  fakeBrowser.reset();
  holdAllPermissions();
});
