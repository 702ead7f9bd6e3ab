// Builders for the parse tests: a valid file as a plain JSON object that each test bends in one
// place, so the test reads as the one thing that is wrong. Keys set to `undefined` vanish from
// the text, as JSON.stringify leaves them out.

type JsonRecord = Record<string, unknown>;

export interface FileJson {
  [key: string]: unknown;
  options: JsonRecord;
  components: JsonRecord[];
  connections: JsonRecord[];
}

/** A valid version 1 file with every optional field, as JSON.parse would give it. */
export function validFile(): FileJson {
  return {
    format: 'wfm-topology',
    version: 2,
    name: 'Single site',
    options: { managementLayer: false, scheduledReporting: false },
    components: [
      {
        id: 'srv-1',
        kind: 'server',
        name: 'WFM_Server',
        position: { x: 0, y: 0 },
        host: 'wfm01.example.com',
        port: 7000,
        etl: false,
        notes: '',
      },
      { id: 'bld-1', kind: 'builder', name: 'WFM_Builder' },
    ],
    connections: [
      { id: 'c-1', from: 'bld-1', to: 'srv-1', security: 'none' },
      { id: 'c-2', from: 'srv-1', to: 'bld-1' },
    ],
  };
}

/** The smallest file the format accepts. */
export const MINIMAL_FILE = '{"format":"wfm-topology","version":1,"components":[],"connections":[]}';

/** `validFile()` changed by `edit`, as text. */
export function fileText(edit: (file: FileJson) => void = () => {}): string {
  const file = validFile();
  edit(file);
  return JSON.stringify(file);
}

/** `validFile()` with fields of component `index` replaced (`undefined` removes one). */
export function withComponent(index: number, patch: JsonRecord): string {
  return fileText((file) => {
    file.components[index] = { ...file.components[index], ...patch };
  });
}

/** `validFile()` with fields of connection `index` replaced (`undefined` removes one). */
export function withConnection(index: number, patch: JsonRecord): string {
  return fileText((file) => {
    file.connections[index] = { ...file.connections[index], ...patch };
  });
}
