import { expect, test } from 'vitest';
import {
  MAX_EXPORT_FILE_BYTES,
  type ParseErrorKind,
  serializeDocument,
  type TopologyDocument,
} from '../document';
import { addPngText, asciiJson, PNG_TEXT_KEYWORD, serializeSvg } from '.';
import { type ImportResult, importBytes, importFile, importText } from './import-file';

// The import pipeline as the app runs it on a picked or dropped file: bytes in, a document or a
// refusal that names the file, the kind and the path out.

/** A 1×1 RGBA PNG (IHDR, IDAT, IEND) as a browser's canvas would write it. */
const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

const DOCUMENT: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  name: 'Single site',
  ruleset: 'wfm-8.5.2',
  options: { managementLayer: false, scheduledReporting: false },
  zones: [],
  hosts: [{ id: 'h-1', name: 'wfm01', address: 'wfm01.example.com' }],
  components: [
    {
      id: 'srv-1',
      kind: 'server',
      name: 'WFM_Server',
      position: { x: 0, y: 200 },
      host: 'h-1',
      port: 7000,
    },
    { id: 'bld-1', kind: 'builder', name: 'WFM_Builder', position: { x: 0, y: 0 } },
  ],
  connections: [{ id: 'c-1', from: 'bld-1', to: 'srv-1', security: 'tls' }],
  annotations: [],
};

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function expectImported(result: ImportResult): TopologyDocument {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.document;
}

function expectRefused(result: ImportResult, kind: ParseErrorKind, fileName = 'topology.wfm.json') {
  if (result.ok) throw new Error(`expected a '${kind}' refusal, but the file was accepted`);
  expect(result.fileName).toBe(fileName);
  expect(result.error.kind).toBe(kind);
  expect(result.error.message.length).toBeGreaterThan(0);
  return result.error;
}

type Json = Record<string, unknown>;

/** `DOCUMENT` as file text, bent by `edit` in one place. */
function fileText(edit: (file: Json & { components: Json[]; connections: Json[] }) => void): string {
  const file = JSON.parse(serializeDocument(DOCUMENT));
  edit(file);
  return JSON.stringify(file);
}

function refusedFile(edit: Parameters<typeof fileText>[0], kind: ParseErrorKind = 'invalid') {
  return expectRefused(importBytes(utf8(fileText(edit)), 'topology.wfm.json'), kind);
}

test('JSON bytes import as the document', () => {
  expect(expectImported(importBytes(utf8(serializeDocument(DOCUMENT)), 'a.wfm.json'))).toEqual(DOCUMENT);
});

test('SVG bytes exported by the designer import as the document', () => {
  expect(expectImported(importBytes(utf8(serializeSvg(DOCUMENT)), 'a.svg'))).toEqual(DOCUMENT);
});

test('PNG bytes exported by the designer import as the document', () => {
  const png = addPngText(PNG_1X1, PNG_TEXT_KEYWORD, asciiJson(serializeDocument(DOCUMENT)));
  expect(expectImported(importBytes(png, 'a.png'))).toEqual(DOCUMENT);
});

test('an SVG that the designer did not write is refused as not a topology, naming the file', () => {
  const svg =
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
  const error = expectRefused(importBytes(utf8(svg), 'logo.svg'), 'not-topology', 'logo.svg');
  expect(error.message).toContain('This SVG was not exported by WFM Topology Designer');
});

test('a PNG that the designer did not write is refused as not a topology, naming the file', () => {
  const error = expectRefused(importBytes(PNG_1X1, 'photo.png'), 'not-topology', 'photo.png');
  expect(error.message).toContain('This PNG was not exported by WFM Topology Designer');
});

test('garbage bytes are refused as not JSON', () => {
  const garbage = Uint8Array.of(0x00, 0xff, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef);
  expect(expectRefused(importBytes(garbage, 'x.bin'), 'not-json', 'x.bin').message).toMatch(/not JSON/);
});

test('an empty file is refused as not JSON', () => {
  expectRefused(importBytes(new Uint8Array(0), 'empty.json'), 'not-json', 'empty.json');
});

test('a designer PNG whose embedded text was damaged is refused by the parser', () => {
  const png = addPngText(PNG_1X1, PNG_TEXT_KEYWORD, '{"format": "wfm-topology", ');
  expectRefused(importBytes(png, 'a.png'), 'not-json', 'a.png');
});

test('a designer SVG whose embedded document was edited into an invalid one names the path', () => {
  // The embedded JSON may be pretty or compact, its quotes escaped or not: only the value changes.
  const svg = serializeSvg(DOCUMENT).replace(/((?:&quot;|")port(?:&quot;|"): ?)7000/, '$170000');
  const error = expectRefused(importBytes(utf8(svg), 'a.svg'), 'invalid', 'a.svg');
  expect(error.issues.map((issue) => issue.path)).toEqual(['components[0].port']);
});

test('import lays out components that have no position, and keeps the ones that have one', () => {
  const text = fileText((file) => {
    delete file.components[0]?.position;
  });
  const document = expectImported(importText(text, 'a.wfm.json'));
  expect(document.components[0]?.position).toEqual({ x: expect.any(Number), y: expect.any(Number) });
  expect(document.components[1]?.position).toEqual({ x: 0, y: 0 });
});

test('the validation block in a file is ignored, whatever it says', () => {
  const text = fileText((file) => {
    file.validation = { valid: 'maybe', problems: 42 };
  });
  expect(expectImported(importText(text, 'a.wfm.json'))).toEqual(DOCUMENT);
});

test('a UTF-8 byte-order mark before the JSON is accepted', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(serializeDocument(DOCUMENT))]);
  expect(expectImported(importBytes(bytes, 'a.wfm.json'))).toEqual(DOCUMENT);
});

// rules.md section 5: each malformed file is refused whole, with the path of what is wrong.

test('not JSON is refused', () => {
  expectRefused(importText('{"format": "wfm-topology",', 'topology.wfm.json'), 'not-json');
});

test('JSON that is not an object is refused as not a topology', () => {
  expectRefused(importText('[1, 2, 3]', 'topology.wfm.json'), 'not-topology');
});

test('a wrong format is refused as not a topology, naming "format"', () => {
  const error = refusedFile((file) => {
    file.format = 'wfm-topolgy';
  }, 'not-topology');
  expect(error.issues.map((issue) => issue.path)).toEqual(['format']);
});

test('a newer version is refused with "made by a newer version"', () => {
  const error = refusedFile((file) => {
    file.version = 3;
  }, 'newer-version');
  expect(error.message).toContain('made by a newer version');
});

test('a version that is not a whole number is refused, naming "version"', () => {
  for (const version of [0, 1.5, '1', null]) {
    const error = refusedFile((file) => {
      file.version = version;
    });
    expect(error.issues.map((issue) => issue.path)).toEqual(['version']);
  }
});

test('an unknown kind is refused, naming components[0].kind', () => {
  const error = refusedFile((file) => {
    Object.assign(file.components[0] ?? {}, { kind: 'wfm-server' });
  });
  expect(error.issues).toEqual([
    { path: 'components[0].kind', message: expect.stringContaining('"server"') },
  ]);
});

test('an unknown key is refused, naming its path', () => {
  const inComponent = refusedFile((file) => {
    Object.assign(file.components[1] ?? {}, { colour: 'red' });
  });
  expect(inComponent.issues).toEqual([{ path: 'components[1].colour', message: 'unknown key' }]);
  const inConnection = refusedFile((file) => {
    Object.assign(file.connections[0] ?? {}, { secure: true });
  });
  expect(inConnection.issues).toEqual([{ path: 'connections[0].secure', message: 'unknown key' }]);
  const atTop = refusedFile((file) => {
    file.layout = 'auto';
  });
  expect(atTop.issues).toEqual([{ path: 'layout', message: 'unknown key' }]);
  const inPosition = refusedFile((file) => {
    Object.assign(file.components[0] ?? {}, { position: { x: 0, y: 0, z: 0 } });
  });
  expect(inPosition.issues).toEqual([{ path: 'components[0].position.z', message: 'unknown key' }]);
});

test('a duplicate component id is refused, naming components[1].id', () => {
  const error = refusedFile((file) => {
    Object.assign(file.components[1] ?? {}, { id: 'srv-1' });
  });
  expect(error.issues).toContainEqual({ path: 'components[1].id', message: 'duplicate id "srv-1"' });
});

test('a duplicate connection id is refused, naming connections[1].id', () => {
  const error = refusedFile((file) => {
    file.connections.push({ id: 'c-1', from: 'srv-1', to: 'bld-1' });
  });
  expect(error.issues).toEqual([{ path: 'connections[1].id', message: 'duplicate id "c-1"' }]);
});

test('a connection to a missing component is refused, naming connections[0].to', () => {
  const error = refusedFile((file) => {
    Object.assign(file.connections[0] ?? {}, { to: 'srv-9' });
  });
  expect(error.issues).toEqual([{ path: 'connections[0].to', message: 'no component with id "srv-9"' }]);
});

test('a connection from a missing component is refused, naming connections[0].from', () => {
  const error = refusedFile((file) => {
    Object.assign(file.connections[0] ?? {}, { from: 'ghost' });
  });
  expect(error.issues).toEqual([{ path: 'connections[0].from', message: 'no component with id "ghost"' }]);
});

test('a bad port is refused, naming components[0].port', () => {
  for (const port of [0, 65_536, 70_000, 7000.5, -1, '7000', null]) {
    const error = refusedFile((file) => {
      Object.assign(file.components[0] ?? {}, { port });
    });
    expect(error.issues.map((issue) => issue.path)).toEqual(['components[0].port']);
  }
});

test('an empty or blank component name is refused, naming components[1].name', () => {
  for (const name of ['', '   ', '\t\n']) {
    const error = refusedFile((file) => {
      Object.assign(file.components[1] ?? {}, { name });
    });
    expect(error.issues.map((issue) => issue.path)).toEqual(['components[1].name']);
  }
});

test('a component name over 128 characters is refused; 128 with spaces around is accepted', () => {
  const long = refusedFile((file) => {
    Object.assign(file.components[1] ?? {}, { name: 'x'.repeat(129) });
  });
  expect(long.issues.map((issue) => issue.path)).toEqual(['components[1].name']);
  const text = fileText((file) => {
    Object.assign(file.components[1] ?? {}, { name: ` ${'x'.repeat(128)} ` });
  });
  expect(importText(text, 'topology.wfm.json').ok).toBe(true);
});

test('a missing required field is refused, naming it', () => {
  const error = refusedFile((file) => {
    delete file.connections[0]?.from;
  });
  expect(error.issues.map((issue) => issue.path)).toEqual(['connections[0].from']);
});

test('etl on a component that is not a WFM Server is refused, naming components[1].etl', () => {
  const error = refusedFile((file) => {
    Object.assign(file.components[1] ?? {}, { etl: true });
  });
  expect(error.issues.map((issue) => issue.path)).toEqual(['components[1].etl']);
});

test('an unknown security level is refused, naming connections[0].security', () => {
  const error = refusedFile((file) => {
    Object.assign(file.connections[0] ?? {}, { security: 'ssl' });
  });
  expect(error.issues.map((issue) => issue.path)).toEqual(['connections[0].security']);
});

test('a position that is not a pair of numbers is refused, naming the coordinate', () => {
  const error = refusedFile((file) => {
    Object.assign(file.components[0] ?? {}, { position: { x: '1', y: 2 } });
  });
  expect(error.issues.map((issue) => issue.path)).toEqual(['components[0].position.x']);
});

test('a document name over 200 characters is refused, naming "name"', () => {
  const error = refusedFile((file) => {
    file.name = 'n'.repeat(201);
  });
  expect(error.issues.map((issue) => issue.path)).toEqual(['name']);
});

test('an id over 64 characters is refused, naming it', () => {
  const error = refusedFile((file) => {
    Object.assign(file.connections[0] ?? {}, { id: 'c'.repeat(65) });
  });
  expect(error.issues.map((issue) => issue.path)).toEqual(['connections[0].id']);
});

test('several problems are all listed, in file order', () => {
  const error = refusedFile((file) => {
    Object.assign(file.components[0] ?? {}, { port: 0 });
    Object.assign(file.components[1] ?? {}, { name: '' });
  });
  expect(error.issues.map((issue) => issue.path)).toEqual(['components[0].port', 'components[1].name']);
});

test('importFile reads a Blob the way importBytes reads its bytes, and names the file', async () => {
  const file = Object.assign(new Blob([serializeDocument(DOCUMENT)]), { name: 'lab.wfm.json' });
  expect(await importFile(file)).toEqual({ ok: true, document: DOCUMENT });
  const refused = await importFile(Object.assign(new Blob(['nope']), { name: 'lab.txt' }));
  expect(refused.ok || refused.fileName).toBe('lab.txt');
});

test('importFile calls a file without a name "the file"', async () => {
  const refused = await importFile(new Blob(['nope']));
  expect(refused.ok || refused.fileName).toBe('the file');
});

test('importFile refuses a file larger than any export as too large without reading it', async () => {
  const huge = Object.defineProperties(new Blob([]), {
    size: { value: MAX_EXPORT_FILE_BYTES + 1 },
    arrayBuffer: { value: () => Promise.reject(new Error('read')) },
  });
  expectRefused(await importFile(Object.assign(huge, { name: 'huge.png' })), 'too-large', 'huge.png');
});
