// Every unit test gets a fresh in-memory IndexedDB and WXT's fake `browser`; rendered components are unmounted.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
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
afterEach(() => {
  cleanup();
});
