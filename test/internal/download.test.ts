import { expect } from '@open-wc/testing';
import { datedFileName, downloadsBlocked } from '../../src/internal/download.js';

/** Runs `downloadsBlocked()` inside a frame with the given sandbox and reports what it said. */
function blockedInFrame(sandbox: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', sandbox);
    const module = new URL('/src/internal/download.js', location.href).href;
    frame.srcdoc = `<script type="module">
      import { downloadsBlocked } from '${module}';
      parent.postMessage({ blocked: downloadsBlocked() }, '*');
    </script>`;
    const timer = setTimeout(() => reject(new Error(`no answer from a frame sandboxed "${sandbox}"`)), 5000);
    window.addEventListener('message', function listen(event: MessageEvent<{ blocked?: boolean }>) {
      if (event.source !== frame.contentWindow || typeof event.data?.blocked !== 'boolean') return;
      window.removeEventListener('message', listen);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data.blocked);
    });
    document.body.append(frame);
  });
}

describe('downloads', () => {
  it('names a file after the tool and the date', () => {
    expect(datedFileName('Padlet – Wall ŵ-risk-assessment', 'pdf', new Date('2026-11-21T09:00:00Z'))).to.equal(
      'padlet-wall-w-risk-assessment-2026-11-21.pdf',
    );
  });

  const letterCases: Array<{ name: string; file: string }> = [
    { name: 'Padlet “Ysgol” Łukasz ŵ', file: 'padlet-ysgol-lukasz-w' },
    { name: 'Øresund Skole', file: 'oresund-skole' },
    { name: 'Straße für Schüler', file: 'strasse-fur-schuler' },
    { name: 'Ærø Æble', file: 'aero-aeble' },
    { name: 'Œuvre café', file: 'oeuvre-cafe' },
    { name: 'Þórður Đorđević', file: 'thordur-dordevic' },
    { name: 'Ysgol Gŵyr a’r Wyddgrug', file: 'ysgol-gwyr-a-r-wyddgrug' },
    { name: 'ﬁle ① Ｆｕｌｌ', file: 'file-1-full' },
    { name: '日本語', file: 'proforma' },
  ];
  for (const { name, file } of letterCases) {
    it(`writes “${name}” as people would type it: ${file}`, () => {
      expect(datedFileName(name, 'pdf', new Date('2026-11-21T09:00:00Z'))).to.equal(`${file}-2026-11-21.pdf`);
    });
  }

  it('may download on an ordinary page', () => {
    expect(downloadsBlocked()).to.equal(false);
  });

  it('may not download in a sandboxed frame without allow-downloads, so the PDF opens in a tab instead', async () => {
    expect(await blockedInFrame('allow-scripts allow-same-origin')).to.equal(true);
  });

  it('may download in a sandboxed frame that allows downloads', async () => {
    expect(await blockedInFrame('allow-scripts allow-same-origin allow-downloads')).to.equal(false);
  });
});
