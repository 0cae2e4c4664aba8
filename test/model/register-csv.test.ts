import { expect } from '@open-wc/testing';
import {
  csvToRegister,
  decodeCsv,
  LIST_SEPARATORS,
  registerToCsv,
  type RegisterCsvProblem,
  type RegisterCsvResult,
} from '../../src/model/register-csv.js';
import type { RegisterEntry } from '../../src/model/register-entry.js';

const FINGERPRINT = Array.from({ length: 32 }, (_, index) => (index * 7).toString(16).padStart(2, '0'))
  .join(':')
  .toUpperCase();

function entry(id: string, changes: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    id,
    tool: `Tool ${id}`,
    subjects: [],
    yearGroups: [],
    status: 'approved',
    conditions: [],
    owners: [],
    history: [],
    ...changes,
  };
}

const HEADER =
  'Tool,Vendor,URL,Purpose,Subjects,Year groups,Minimum age,Data collected,DPIA reference,Status,Outcome,' +
  'Readiness %,Conditions,Account owners,Assessor,Approver,Decision date,Review due,Signer fingerprint,Id';

/** Values chosen to trip a CSV writer or reader: separators, quotes, formulas, apostrophes, Welsh, emoji. */
const awkwardEntries: RegisterEntry[] = [
  entry('padlet', {
    tool: 'Padlet',
    vendor: 'Wallwisher, Inc.',
    url: 'https://padlet.com/?a=1&b=2',
    purpose: 'Class "walls", shared with parents',
    subjects: ['Art', 'Cymraeg'],
    yearGroups: ['Year 7', 'Year 8'],
    minimumAge: 13,
    dataCollected: 'Names,\r\nemail addresses\nand posts',
    dpiaReference: 'DPIA-2026-04',
    status: 'approved-with-conditions',
    outcome: 'approved-with-conditions',
    readiness: 72.5,
    conditions: ['Pupils use first names only', '=SUM(A1)', 'Walls are private, "secret" links only'],
    owners: [{ name: 'Siân Jones', role: 'IT lead' }, { name: 'Łukasz Nowak' }],
    assessor: 'Rhodri Williams',
    approver: 'J. Evans, DSL',
    decisionDate: '2026-11-20',
    reviewDue: '2027-11-20',
    signerFingerprint: FINGERPRINT,
  }),
  entry('formulas', {
    tool: '=SUM(A1)',
    vendor: '+44 20 7946 0000',
    purpose: '-5',
    dataCollected: '@home',
    dpiaReference: "'tis the season",
    assessor: "'=SUM(A1)",
    approver: '\tTabbed in',
    url: '\rcarriage return first',
    owners: [{ name: '-Dash', role: 'Head of year' }],
    status: 'under-review',
  }),
  entry('book-creator', {
    tool: 'Book Creator 📚',
    purpose: 'Gwaith cartref ŵ ŷ — “smart quotes” and 👩🏽‍🏫',
    subjects: ['Hanes', 'Daearyddiaeth'],
    status: 'not-approved',
    outcome: 'incomplete',
    readiness: 0,
    minimumAge: 0,
  }),
  entry('scratch', { tool: 'Scratch', status: 'draft', outcome: 'not-approved', readiness: 31 }),
  entry('unusual-characters', {
    tool: 'Nul\0inside',
    vendor: '\0NUL first',
    purpose: 'A replacement character \uFFFD pasted from a broken page',
    dpiaReference: '\uFFFD',
    conditions: ["x;=cmd|' /C calc'!A0;", 'a|=1+2', 'b\u061B=1+2', 'c\t=1+2'],
    status: 'submitted',
  }),
  entry('retired', { tool: 'Old tool', status: 'retired', outcome: 'approved', readiness: 100 }),
];

function entriesOf(result: RegisterCsvResult): RegisterEntry[] {
  if ('errors' in result) return expect.fail(`the import failed: ${JSON.stringify(result.errors)}`);
  return result.entries;
}

describe('registerToCsv', () => {
  it('starts with a byte-order mark so Excel reads UTF-8, then the header', () => {
    const csv = registerToCsv([]);

    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    expect(csv).to.equal(`\uFEFF${HEADER}\r\n`);
  });

  it('ends every row with CRLF and writes lists as staff read them', () => {
    const csv = registerToCsv([awkwardEntries[0]!]);

    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(csv).to.include(',"Art; Cymraeg","Year 7; Year 8",13,');
    expect(csv).to.include(',Approved with conditions,Approved with conditions,72.5,');
    expect(csv).to.include(
      ',"Pupils use first names only\n=SUM(A1)\nWalls are private, ""secret"" links only","Siân Jones (IT lead); Łukasz Nowak",',
    );
    expect(csv).to.include(`,2026-11-20,2027-11-20,${FINGERPRINT},padlet\r\n`);
  });

  const cells: Array<{ value: string; cell: string }> = [
    { value: 'plain words', cell: 'plain words' },
    { value: 'a, b', cell: '"a, b"' },
    { value: 'say "hi"', cell: '"say ""hi"""' },
    { value: 'two\nlines', cell: '"two\nlines"' },
    { value: 'two\r\nlines', cell: '"two\r\nlines"' },
    { value: '=SUM(A1)', cell: "'=SUM(A1)" },
    { value: '+44 20 7946 0000', cell: "'+44 20 7946 0000" },
    { value: '-5', cell: "'-5" },
    { value: '@home', cell: "'@home" },
    { value: '\tindented', cell: `"'\tindented"` },
    { value: "x;=cmd|' /C calc'!A0;", cell: `"x;=cmd|' /C calc'!A0;"` },
    { value: 'a; b', cell: '"a; b"' },
    { value: 'a\tb', cell: '"a\tb"' },
    { value: 'a|b', cell: '"a|b"' },
    { value: 'a\u061Bb', cell: '"a\u061Bb"' },
    { value: 'nul\0inside', cell: '"nul\0inside"' },
    { value: '\0first', cell: `"'\0first"` },
    { value: 'broken \uFFFD text', cell: 'broken \uFFFD text' },
    { value: '\rreturn', cell: `"'\rreturn"` },
    { value: "'tis", cell: "''tis" },
    { value: "'=SUM(A1)", cell: "''=SUM(A1)" },
    { value: '=1,"2"', cell: `"'=1,""2"""` },
    { value: 'a=b', cell: 'a=b' },
    { value: 'Siân’s ŵ ŷ 📚', cell: 'Siân’s ŵ ŷ 📚' },
  ];
  for (const { value, cell } of cells) {
    it(`writes ${JSON.stringify(value)} as ${JSON.stringify(cell)}`, () => {
      const csv = registerToCsv([entry('a', { tool: 'Tool', purpose: value })]);

      expect(csv).to.include(`\r\nTool,,,${cell},,,`);
    });
  }
});

describe('registerToCsv in every list separator’s locale', () => {
  /** The cells of a line as a spreadsheet set to `separator` splits it: at each separator outside double quotes. */
  function cellsAsSplitAt(line: string, separator: string): string[] {
    const cells = [''];
    let quoted = false;
    for (const character of line) {
      if (character === '"') quoted = !quoted;
      else if (character === separator && !quoted) cells.push('');
      else cells[cells.length - 1] += character;
    }
    return cells;
  }

  const payloads = [
    "x;=cmd|' /C calc'!A0;",
    'a,=1+2',
    'a;+1',
    'a\u061B-1',
    'a\t@SUM(A1)',
    'a|=1+2',
    'x; y;=HYPERLINK("e")',
  ];
  for (const separator of LIST_SEPARATORS) {
    it(`leaves no formula for a spreadsheet that splits at ${JSON.stringify(separator)}`, () => {
      const csv = registerToCsv(payloads.map((value, index) => entry(`e${index}`, { tool: 'Tool', purpose: value })));
      const lines = csv.slice(1).split('\r\n').slice(1, -1);

      const formulas = lines.flatMap((line) => cellsAsSplitAt(line, separator)).filter((cell) => /^[=+\-@]/.test(cell));

      expect(lines).to.have.length(payloads.length);
      expect(formulas).to.deep.equal([]);
    });
  }
});

describe('csvToRegister', () => {
  it('reads back what it wrote, and writes it again byte for byte', () => {
    const csv = registerToCsv(awkwardEntries);

    const entries = entriesOf(csvToRegister(csv));

    expect(entries).to.deep.equal(awkwardEntries);
    expect(registerToCsv(entries)).to.equal(csv);
  });

  it('reads a file without BOM, with LF line ends, columns in any order and only Tool and Status', () => {
    const csv =
      'id,STATUS,tool,Readiness %,Subjects,Account owners\nx1,approved with conditions,Padlet,72%,Art;Music ; ,"Siân Jones ( IT lead );Łukasz Nowak"\n';

    const entries = entriesOf(csvToRegister(csv));

    expect(entries).to.deep.equal([
      entry('x1', {
        tool: 'Padlet',
        status: 'approved-with-conditions',
        readiness: 72,
        subjects: ['Art', 'Music'],
        owners: [{ name: 'Siân Jones', role: 'IT lead' }, { name: 'Łukasz Nowak' }],
      }),
    ]);
  });

  it('reads the words staff see in any case, and the stored values', () => {
    const csv = 'Tool,Status,Outcome\r\nA,UNDER REVIEW,not finished yet\r\nB,not-approved,incomplete\r\n';

    const entries = entriesOf(csvToRegister(csv));

    expect(entries.map(({ status, outcome }) => [status, outcome])).to.deep.equal([
      ['under-review', 'incomplete'],
      ['not-approved', 'incomplete'],
    ]);
  });

  it('gives a row without an id a new one, and skips empty rows', () => {
    const ids = ['first', 'second'];
    const csv = 'Tool,Status,Id\r\nPadlet,Approved,\r\n,,\r\n\r\nSeesaw,Draft,\r\nScratch,Draft,kept\r\n';

    const entries = entriesOf(csvToRegister(csv, [], { newId: () => ids.shift()! }));

    expect(entries.map(({ id, tool }) => [id, tool])).to.deep.equal([
      ['first', 'Padlet'],
      ['second', 'Seesaw'],
      ['kept', 'Scratch'],
    ]);
  });

  it('keeps the history, assessment and left-out columns of an entry the register already has', () => {
    const history = [{ at: '2026-11-21T09:00:00.000Z', by: 'J. Evans', action: 'imported', changes: [] }];
    const assessment = {
      id: 'assessment-1',
      form: { id: 'test-form', version: '1.0.0' },
      tool: { name: 'Padlet' },
      answers: { q1: { value: 'met', notes: 'Checked the privacy policy' } },
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-20T10:42:00.000Z',
      revision: 7,
    };
    const existing = [entry('padlet', { history, assessment, signerFingerprint: FINGERPRINT, vendor: 'Wallwisher' })];
    const csv = 'Tool,Status,Vendor,Id\r\nPadlet,Retired,,padlet\r\nSeesaw,Draft,,seesaw\r\n';

    const [padlet, seesaw] = entriesOf(csvToRegister(csv, existing));

    expect(padlet).to.deep.equal(
      entry('padlet', { tool: 'Padlet', status: 'retired', history, assessment, signerFingerprint: FINGERPRINT }),
    );
    expect(seesaw).to.deep.equal(entry('seesaw', { tool: 'Seesaw', status: 'draft' }));
  });

  it('reads a register with no entries', () => {
    expect(entriesOf(csvToRegister(registerToCsv([])))).to.deep.equal([]);
  });

  const head = 'Tool,Vendor,Status,Outcome,Readiness %,Minimum age,Decision date,Review due,Id';
  const good = 'Padlet,Wallwisher,Approved,,,,,,padlet';
  const csvOf = (...rows: string[]) => `\uFEFF${[head, ...rows].join('\r\n')}\r\n`;
  type Expected = RegisterCsvProblem & { message: string };
  const problemCases: Array<{ name: string; csv: string; errors: Expected[] }> = [
    { name: 'an empty file', csv: '', errors: [{ row: 1, message: 'the file is empty' }] },
    { name: 'a file of only a BOM and line ends', csv: '\uFEFF\r\n\r\n', errors: [{ row: 1, message: 'empty' }] },
    {
      name: 'an Excel workbook',
      csv: 'PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml',
      errors: [{ row: 1, message: 'this is not a CSV file' }],
    },
    {
      name: 'UTF-16 text read as UTF-8',
      csv: 'T\0o\0o\0l\0,\0S\0t\0a\0t\0u\0s\0',
      errors: [{ row: 1, message: 'save the register as "CSV UTF-8' }],
    },
    {
      name: 'an unknown column',
      csv: 'Tool,Status,Colour\r\nPadlet,Approved,Red\r\n',
      errors: [{ row: 1, column: 'Colour', message: 'the register has no column called "Colour"' }],
    },
    {
      name: 'a missing Status column',
      csv: 'Tool,Vendor\r\nPadlet,Wallwisher\r\n',
      errors: [{ row: 1, column: 'Status', message: 'the "Status" column is missing' }],
    },
    {
      name: 'a column named twice',
      csv: 'Tool,Status,tool\r\nPadlet,Approved,Padlet\r\n',
      errors: [{ row: 1, column: 'Tool', message: 'there are two columns called "Tool"' }],
    },
    {
      name: 'a column with no name',
      csv: 'Tool,Status,\r\nPadlet,Approved,\r\n',
      errors: [{ row: 1, column: 'C', message: 'this column has no name' }],
    },
    {
      name: 'cells separated by semicolons',
      csv: 'Tool;Status\r\nPadlet;Approved\r\n',
      errors: [{ row: 1, message: 'separated by semicolons' }],
    },
    {
      name: 'a row with too few cells',
      csv: csvOf(good, 'Seesaw,,Approved'),
      errors: [{ row: 3, message: 'this row has 3 cells but the first row names 9 columns' }],
    },
    {
      name: 'a row with an unquoted comma',
      csv: csvOf('Padlet,Wallwisher, Inc.,Approved,,,,,,padlet'),
      errors: [{ row: 2, message: 'this row has 10 cells' }],
    },
    {
      name: 'a quote never closed',
      csv: csvOf(good, 'Seesaw,"Seesaw Learning,Approved,,,,,,seesaw', 'Scratch,MIT,Approved,,,,,,scratch'),
      errors: [{ row: 3, column: 'Vendor', message: 'is never closed' }],
    },
    {
      name: 'a quote in the middle of an unquoted cell',
      csv: csvOf('Pad"let,Wallwisher,Approved,,,,,,padlet'),
      errors: [{ row: 2, column: 'Tool', message: 'a quote mark (") is in the middle of the cell' }],
    },
    {
      name: 'text after a closing quote',
      csv: csvOf('"Pad"let,Wallwisher,Approved,,,,,,padlet'),
      errors: [{ row: 2, column: 'Tool', message: 'there is text after the closing quote mark' }],
    },
    {
      name: 'an empty tool',
      csv: csvOf(good, '  ,Wallwisher,Approved,,,,,,other'),
      errors: [{ row: 3, column: 'Tool', message: 'the tool has no name' }],
    },
    {
      name: 'an unknown status',
      csv: csvOf('Padlet,Wallwisher,Aproved,,,,,,padlet'),
      errors: [{ row: 2, column: 'Status', message: '"Aproved" is not one of Draft, Submitted, Under review' }],
    },
    {
      name: 'an empty status',
      csv: csvOf('Padlet,Wallwisher,,,,,,,padlet'),
      errors: [{ row: 2, column: 'Status', message: 'it is empty; write one of Draft' }],
    },
    {
      name: 'a status that follows from the review date',
      csv: csvOf('Padlet,Wallwisher,Review due,,,,,,padlet'),
      errors: [{ row: 2, column: 'Status', message: '"Review due" follows from the review date' }],
    },
    {
      name: 'an unknown outcome',
      csv: csvOf('Padlet,Wallwisher,Approved,Maybe,,,,,padlet'),
      errors: [{ row: 2, column: 'Outcome', message: '"Maybe" is not one of Approved, Approved with conditions' }],
    },
    {
      name: 'a date as Excel writes it in the UK',
      csv: csvOf('Padlet,Wallwisher,Approved,,,,20/11/2026,,padlet'),
      errors: [{ row: 2, column: 'Decision date', message: '"20/11/2026" is not a date written as yyyy-mm-dd' }],
    },
    {
      name: 'a day not in the calendar',
      csv: csvOf('Padlet,Wallwisher,Approved,,,,,2026-02-30,padlet'),
      errors: [{ row: 2, column: 'Review due', message: 'there is no 30 February 2026' }],
    },
    {
      name: 'a month not in the calendar',
      csv: csvOf('Padlet,Wallwisher,Approved,,,,2026-13-01,,padlet'),
      errors: [{ row: 2, column: 'Decision date', message: 'there is no month 13' }],
    },
    {
      name: 'readiness in words',
      csv: csvOf('Padlet,Wallwisher,Approved,,high,,,,padlet'),
      errors: [{ row: 2, column: 'Readiness %', message: '"high" is not a number' }],
    },
    {
      name: 'readiness over 100',
      csv: csvOf('Padlet,Wallwisher,Approved,,120,,,,padlet'),
      errors: [{ row: 2, column: 'Readiness %', message: '"120" is not a number from 0 to 100' }],
    },
    {
      name: 'a minimum age with a fraction',
      csv: csvOf('Padlet,Wallwisher,Approved,,,13.5,,,padlet'),
      errors: [{ row: 2, column: 'Minimum age', message: '"13.5" is not a whole number' }],
    },
    {
      name: 'a minimum age in words',
      csv: csvOf('Padlet,Wallwisher,Approved,,,thirteen,,,padlet'),
      errors: [{ row: 2, column: 'Minimum age', message: '"thirteen" is not a whole number' }],
    },
    {
      name: 'an id used twice',
      csv: csvOf(good, 'Padlet again,Wallwisher,Approved,,,,,,padlet'),
      errors: [{ row: 3, column: 'Id', message: 'row 2 has the same id "padlet"' }],
    },
    {
      name: 'every bad row around good ones, counting a multi-line cell and an empty row',
      csv: csvOf(
        'Padlet,Wallwisher,Aproved,,,,2026-02-30,,padlet',
        '"Seesaw","Seesaw\nLearning",Approved,,,,,,seesaw',
        ',,,,,,,,',
        ',Nobody,Draft,,,,,,nameless',
        'Scratch,MIT,Draft,,,,,,scratch',
        'Kahoot,Kahoot!,Draft,,lots,,,,kahoot',
        'Padlet copy,,Draft,,,,,,padlet',
      ),
      errors: [
        { row: 2, column: 'Status', message: '"Aproved" is not one of' },
        { row: 2, column: 'Decision date', message: 'there is no 30 February 2026' },
        { row: 5, column: 'Tool', message: 'the tool has no name' },
        { row: 7, column: 'Readiness %', message: '"lots" is not a number' },
        { row: 8, column: 'Id', message: 'row 2 has the same id "padlet"' },
      ],
    },
  ];
  for (const { name, csv, errors } of problemCases) {
    it(`refuses ${name}, returning no entries`, () => {
      const result = csvToRegister(csv);

      expect(result, 'no entries at all').to.not.have.property('entries');
      const found = 'errors' in result ? result.errors : [];
      expect(found.map(({ row, column }) => ({ row, column }))).to.deep.equal(
        errors.map(({ row, column }) => ({ row, column })),
      );
      errors.forEach(({ message }, index) => expect(found[index]!.message).to.include(message));
    });
  }
});

describe('csvToRegister on a crafted file', () => {
  it('reads an account owner with a long run of spaces in the name', () => {
    const name = `Siân${' '.repeat(200_000)}Jones`;

    const entries = entriesOf(csvToRegister(`Tool,Status,Account owners,Id\r\nPadlet,Approved,${name},x1\r\n`));

    expect(entries[0]?.owners).to.deep.equal([{ name }]);
  });
});

describe('decodeCsv', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  /** Text as Excel's "CSV (Comma delimited)" saves it in a Windows code page: one byte a letter, é as 0xE9. */
  const windows1252 = (text: string) =>
    Uint8Array.from(text, (letter) => (letter === 'é' ? 0xe9 : letter.charCodeAt(0)));

  it('gives back every value the register holds, NUL and U+FFFD included, through the file’s bytes', () => {
    const decoded = decodeCsv(utf8(registerToCsv(awkwardEntries)));

    if ('errors' in decoded) return expect.fail(JSON.stringify(decoded.errors));
    expect(entriesOf(csvToRegister(decoded.text))).to.deep.equal(awkwardEntries);
  });

  const cases: Array<{ name: string; bytes: Uint8Array; errors: RegisterCsvProblem[] }> = [
    {
      name: 'a file saved in a Windows code page, naming each row with bytes that are not UTF-8',
      bytes: windows1252('Tool,Status,Vendor\r\nCafé,Draft,\r\n"Two\r\nlines",Draft,x\r\nTé,Draft,Café\r\n'),
      errors: [
        { row: 2, message: 'some characters could not be read' },
        { row: 4, message: 'some characters could not be read' },
      ],
    },
    {
      name: 'UTF-16 text with its byte-order mark',
      bytes: Uint8Array.from([0xff, 0xfe, ...Array.from('Tool,Status', (letter) => [letter.charCodeAt(0), 0]).flat()]),
      errors: [{ row: 1, message: 'this is not a CSV file' }],
    },
    {
      name: 'an Excel workbook',
      bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xc3, 0x28, 0x9f]),
      errors: [{ row: 1, message: 'this is not a CSV file' }],
    },
  ];
  for (const { name, bytes, errors } of cases) {
    it(`refuses ${name}`, () => {
      const decoded = decodeCsv(bytes);

      const found = 'errors' in decoded ? decoded.errors : expect.fail('the bytes were read as text');
      expect(found.map(({ row }) => row)).to.deep.equal(errors.map(({ row }) => row));
      errors.forEach(({ message }, index) => expect(found[index]!.message).to.include(message));
    });
  }

  it('reads UTF-16 text without a byte-order mark as no CSV, by the NULs outside quoted cells', () => {
    const decoded = decodeCsv(utf8('T\0o\0o\0l\0,\0S\0t\0a\0t\0u\0s\0\r\0\n\0'));

    if ('errors' in decoded) return expect.fail(JSON.stringify(decoded.errors));
    const result = csvToRegister(decoded.text);
    expect('errors' in result && result.errors[0]?.message).to.include('this is not a CSV file');
  });
});
