import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { bareSpecifiers, importMapFor } from './model-imports.mjs';

test('bareSpecifiers finds packages imported, re-exported or imported on demand, not relative files', () => {
  const source = `
    import * as z from 'zod/mini';
    import { a } from './a.js';
    export { b } from '../b.js';
    export * from '@scope/pkg';
    // Works out what importing from 'nowhere' changes.
    const later = () => import('idb-keyval');
    const url = '/abs.js';
  `;
  assert.deepEqual(bareSpecifiers(source), ['@scope/pkg', 'idb-keyval', 'zod/mini']);
});

test('importMapFor maps each bare specifier to its file under /node_modules and names the folders to serve', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'proforma-bench-test-'));
  try {
    await writeFile(join(folder, 'a.js'), "import * as z from 'zod/mini';\nexport { x } from './b.js';\n");
    await writeFile(join(folder, 'b.js'), "import * as z from 'zod/mini';\nexport * from '@scope/pkg/sub';\n");
    await writeFile(join(folder, 'a.d.ts'), "import type { Nope } from 'not-a-module';\n");
    const nodeModules = '/project/node_modules';
    const files = { 'zod/mini': 'zod/mini/index.js', '@scope/pkg/sub': '@scope/pkg/dist/sub.js' };
    const resolve = (specifier) => pathToFileURL(join(nodeModules, files[specifier])).href;
    assert.deepEqual(await importMapFor(folder, nodeModules, resolve), {
      imports: {
        '@scope/pkg/sub': '/node_modules/@scope/pkg/dist/sub.js',
        'zod/mini': '/node_modules/zod/mini/index.js',
      },
      folders: ['node_modules/@scope/pkg', 'node_modules/zod'],
    });
    await assert.rejects(
      importMapFor(folder, nodeModules, () => 'file:///elsewhere/zod.js'),
      /does not resolve into/,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
