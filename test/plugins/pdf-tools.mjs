// A test-runner command that hands a PDF made in the browser to poppler and qpdf,
// so tests check our files with tools that share none of our code.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What each tool is run with; `in.pdf` is the PDF from the test, `out.pdf` what a tool writes. */
const TOOLS = {
  pdfsig: ['pdfsig', ['in.pdf']],
  pdftotext: ['pdftotext', ['-enc', 'UTF-8', 'in.pdf', '-']],
  pdfinfo: ['pdfinfo', ['in.pdf']],
  pdfdetach: ['pdfdetach', ['-list', 'in.pdf']],
  'qpdf-check': ['qpdf', ['--check', 'in.pdf']],
  // Re-saves the file the way another program would: every object rewritten.
  'qpdf-rewrite': ['qpdf', ['in.pdf', 'out.pdf']],
};

function run(command, args, cwd) {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** `executeServerCommand('pdf-tool', { tool, pdf })`, where `pdf` is base64; answers `{ code, stdout, stderr, pdf? }`. */
export function pdfToolsPlugin() {
  return {
    name: 'pdf-tools',
    async executeCommand({ command, payload }) {
      if (command !== 'pdf-tool') return undefined;
      const tool = TOOLS[payload?.tool];
      if (!tool) throw new Error(`pdf-tool: unknown tool "${payload?.tool}"; known: ${Object.keys(TOOLS).join(', ')}`);
      const folder = await mkdtemp(join(tmpdir(), 'proforma-pdf-'));
      try {
        await writeFile(join(folder, 'in.pdf'), Buffer.from(payload.pdf, 'base64'));
        const result = await run(tool[0], tool[1], folder);
        const written = await readFile(join(folder, 'out.pdf')).catch(() => undefined);
        return written ? { ...result, pdf: written.toString('base64') } : result;
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
