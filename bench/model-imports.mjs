// What the browser needs to load dist/model as plain ES modules: the packages it imports by bare
// specifier (`zod/mini`), mapped by an import map to their files under /node_modules.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rollup/parseAst';

const isBare = (specifier) => !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);

/** Every bare specifier a module's source imports or re-exports, statically or with import(). */
export function bareSpecifiers(source) {
  const found = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (
      ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].includes(node.type) &&
      node.source?.type === 'Literal' &&
      typeof node.source.value === 'string' &&
      isBare(node.source.value)
    ) {
      found.add(node.source.value);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'type') visit(value);
  };
  visit(parseAst(source));
  return [...found].sort();
}

/**
 * The import map for `folder`'s .js files and the node_modules folders it needs served.
 *
 * @param {string} folder e.g. the bench's copy of dist/model.
 * @param {string} nodeModules The node_modules folder the specifiers resolve into.
 * @param {(specifier: string) => string} resolve Resolves a specifier to a file: URL as Node's
 *   `import` would (the bench passes import.meta.resolve).
 * @returns {Promise<{ imports: Record<string, string>, folders: string[] }>} `imports` for
 *   `<script type="importmap">`; `folders` such as `node_modules/zod`, relative to the served root.
 */
export async function importMapFor(folder, nodeModules, resolve) {
  const specifiers = new Set();
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.js')).sort()) {
    for (const specifier of bareSpecifiers(await readFile(join(folder, name), 'utf8'))) specifiers.add(specifier);
  }
  const imports = {};
  const folders = new Set();
  for (const specifier of [...specifiers].sort()) {
    const file = relative(nodeModules, fileURLToPath(resolve(specifier))).split(sep);
    if (file[0] === '..' || file.length < 2) throw new Error(`${specifier} does not resolve into ${nodeModules}`);
    const packageParts = file[0].startsWith('@') ? 2 : 1;
    imports[specifier] = `/node_modules/${file.join('/')}`;
    folders.add(`node_modules/${file.slice(0, packageParts).join('/')}`);
  }
  return { imports, folders: [...folders].sort() };
}
