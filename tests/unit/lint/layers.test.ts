// @vitest-environment node
/**
 * The layer rules in eslint.config.js, run by ESLint itself on small pieces of code placed where
 * the rule applies: each forbidden import is refused with its message, and the allowed import
 * beside it passes (the negative control), so a rule that stopped firing, or one that fired on
 * everything, fails here.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  // The project's own config, with only the layer rule run: the pieces below are not files of the
  // TypeScript program, so the type-aware rules (which need one) are left to `npm run lint`.
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: [{ languageOptions: { parserOptions: { projectService: false } } }],
    ruleFilter: ({ ruleId }) => ruleId === '@typescript-eslint/no-restricted-imports',
  });
});

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  const messages = result?.messages ?? [];
  // A piece that did not parse proves nothing either way.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const cases: Array<{ promise: string; file: string; refused: string; says: RegExp; allowed: string }> = [
  {
    promise: 'no component imports Dexie',
    file: 'components/popup/Fixture.tsx',
    refused: "import { liveQuery } from 'dexie';",
    says: /Only lib\/store\/ imports Dexie/,
    allowed: "import { accountLines } from '@/lib/store/queries';",
  },
  {
    promise: 'no component imports the database',
    file: 'components/options/Fixture.tsx',
    refused: "import { db } from '@/lib/store/db';",
    says: /components\/ never imports the database or a table of lib\/store\//,
    allowed: "import { watch } from '@/lib/store/live';",
  },
  {
    promise: 'no component reaches into a table of the store by a relative path',
    file: 'components/requests/Fixture.tsx',
    refused: "import { recentRequests } from '../../lib/store/requests';",
    says: /use a named query of lib\/store\/queries\.ts/,
    allowed: "import { recentRequests } from '../../lib/store/queries';",
  },
  {
    promise: 'nothing in lib/ outside the store imports Dexie',
    file: 'lib/panel/fixture.ts',
    refused: "import Dexie from 'dexie';",
    says: /Only lib\/store\/ imports Dexie/,
    allowed: "import type { PrivacyDb } from '../store/db';",
  },
  {
    promise: 'a lib/ module is handed the database, it never opens it',
    file: 'lib/consent/fixture.ts',
    refused: "import { db } from '../store/db';",
    says: /it never opens it/,
    allowed: "import type { PrivacyDb } from '../store/db';",
  },
  {
    promise: 'nothing in lib/ imports components/',
    file: 'lib/requests/fixture.ts',
    refused: "import { RequestsList } from '@/components/requests/RequestsList';",
    says: /lib\/ holds pure modules: it never imports components\//,
    allowed: "import { requestView } from './view';",
  },
  {
    promise: 'the store itself never imports components/',
    file: 'lib/store/fixture.ts',
    refused: "import { useLiveQuery } from '../../components/common/use-live-query';",
    says: /never imports components\//,
    allowed: "import Dexie from 'dexie';",
  },
  {
    promise: 'nothing in lib/content/ imports Dexie',
    file: 'lib/content/fixture.ts',
    refused: "import Dexie from 'dexie';",
    says: /Only lib\/store\/ imports Dexie/,
    allowed: "import { afterLoadIdle } from './idle';",
  },
  {
    promise: 'nothing in lib/content/ imports zod',
    file: 'lib/content/fixture.ts',
    refused: "import { z } from 'zod/mini';",
    says: /no zod in lib\/content\//,
    allowed: "import { parseToContent } from '../messages-to-content';",
  },
  {
    promise: 'nothing in lib/content/ imports the zod-based message protocol at run time',
    file: 'lib/content/fixture.ts',
    refused: "import { parseMessage } from '../messages';",
    says: /brings zod into the content script/,
    allowed: "import type { AmoFetchAnswer } from '../messages';",
  },
  {
    promise: 'the content script never opens the store',
    file: 'entrypoints/amocrm-launcher.ts',
    refused: "import { db } from '@/lib/store/db';",
    says: /never opens the database/,
    allowed: "import { startContent } from '@/lib/content/main';",
  },
];

describe('lint holds the layers', () => {
  it.each(cases)('$promise', async ({ file, refused, says, allowed }) => {
    const errors = await importErrors(file, refused);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(says);
    expect(await importErrors(file, allowed)).toEqual([]);
  });
});
