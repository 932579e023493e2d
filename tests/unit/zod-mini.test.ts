// @vitest-environment node
/**
 * The extension ships zod/mini only: zod classic is not tree-shakable, and on its own it was
 * 91.5 KB of the panel's minified JavaScript. And zod runs jitless, so no `new Function` probe
 * meets the extension pages' content security policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import '@/lib/zod-config';

const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];
const ALLOWED = new Set(['zod/mini', 'zod/v4/mini', 'zod/v4/core']);

/** The zod modules a source file imports (statically, dynamically or for types) other than zod/mini. */
function classicZodImports(source: string): string[] {
  const specifiers = [...source.matchAll(/\b(?:from|import)\s*\(?\s*['"](zod(?:\/[^'"]*)?)['"]/g)].map((m) => m[1]!);
  return specifiers.filter((s) => !ALLOWED.has(s));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('zod classic stays out of the extension', () => {
  it.each([
    ["import { z } from 'zod';", ['zod']],
    ['import type { z } from "zod";', ['zod']],
    ["import * as z from 'zod/v4';", ['zod/v4']],
    ["export { z } from 'zod/v4/classic';", ['zod/v4/classic']],
    ["const { z } = await import('zod');", ['zod']],
    ["import { z } from 'zod/mini';", []],
    ["import type { $ZodType } from 'zod/v4/core';", []],
    ["import { zodLike } from './zod-like';", []],
  ])('reads %s as importing %j', (source, expected) => {
    expect(classicZodImports(source)).toEqual(expected);
  });

  it('no file in lib/, components/ or entrypoints/ imports zod classic', () => {
    const files = SOURCE_DIRS.flatMap(sourceFiles);
    const withMini = files.filter((file) => readFileSync(file, 'utf8').includes("from 'zod/mini'"));
    // The scan itself must see the schemas, or it would pass on an empty list.
    expect(withMini.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) =>
      classicZodImports(readFileSync(file, 'utf8')).map((s) => `${file}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('zod under the extension pages’ CSP', () => {
  const original = globalThis.Function;
  afterEach(() => {
    globalThis.Function = original;
  });

  it('runs jitless, so it never probes for eval', () => {
    expect(z.config().jitless).toBe(true);
    let constructed = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args: unknown[]) {
        constructed += 1;
        return Reflect.construct(target, args) as object;
      },
    });
    expect(z.core.util.allowsEval.value).toBe(false);
    expect(z.object({ a: z.string() }).safeParse({ a: 'x' }).success).toBe(true);
    expect(constructed).toBe(0);
  });
});
