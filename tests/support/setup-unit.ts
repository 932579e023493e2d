// Every unit test gets a fresh in-memory IndexedDB and WXT's fake `browser` (./setup-core.ts); rendered components are unmounted.
import './setup-core';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
