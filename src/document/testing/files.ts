// Builders for the parse tests: a valid file as a plain JSON object that each test bends in one
// place, so the test reads as the one thing that is wrong. Keys set to `undefined` vanish from
// the text, as JSON.stringify leaves them out.

type JsonRecord = Record<string, unknown>;

export interface FileJson {
  [key: string]: unknown;
  options: JsonRecord;
  zones: JsonRecord[];
  hosts: JsonRecord[];
  components: JsonRecord[];
  connections: JsonRecord[];
  annotations: JsonRecord[];
}

/** A valid version 2 file with every optional field, as JSON.parse would give it. */
export function validFile(): FileJson {
  return {
    format: 'wfm-topology',
    version: 2,
    name: 'Single site',
    ruleset: 'wfm-8.5.2',
    options: { managementLayer: false, scheduledReporting: false },
    view: { messageServerLinks: 'lines' },
    zones: [
      {
        id: 'z-ldn',
        name: 'London DC',
        notes: '',
        position: { x: -100, y: -100 },
        size: { width: 900, height: 600 },
      },
    ],
    hosts: [
      {
        id: 'h-app1',
        name: 'wfm01',
        address: 'wfm01.example.com',
        zone: 'z-ldn',
        lca: true,
        lcaPort: 4999,
        certificate: true,
        notes: '',
        position: { x: -50, y: -50 },
        size: { width: 400, height: 400 },
      },
    ],
    components: [
      {
        id: 'srv-1',
        kind: 'server',
        name: 'WFM_Server',
        position: { x: 0, y: 0 },
        host: 'h-app1',
        port: 7000,
        etl: false,
        mutualAuth: true,
        notes: '',
      },
      { id: 'bld-1', kind: 'builder', name: 'WFM_Builder' },
      {
        id: 'srv-2',
        kind: 'server',
        name: 'WFM_Server_backup',
        host: 'h-app1',
        port: 7001,
        backupOf: 'srv-1',
        standby: 'warm',
      },
    ],
    connections: [
      { id: 'c-1', from: 'bld-1', to: 'srv-1', security: 'none', label: 'schedules' },
      { id: 'c-2', from: 'srv-1', to: 'bld-1', waypoints: [{ x: 10, y: 20 }] },
    ],
    annotations: [
      { id: 'a-1', text: 'Agents in London', position: { x: 40, y: -80 }, size: { width: 200, height: 60 } },
    ],
  };
}

/** The smallest file the format accepts. */
export const MINIMAL_FILE = '{"format":"wfm-topology","version":2,"components":[],"connections":[]}';

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

/** `validFile()` with fields of host `index` replaced (`undefined` removes one). */
export function withHost(index: number, patch: JsonRecord): string {
  return fileText((file) => {
    file.hosts[index] = { ...file.hosts[index], ...patch };
  });
}

/** `validFile()` with fields of zone `index` replaced (`undefined` removes one). */
export function withZone(index: number, patch: JsonRecord): string {
  return fileText((file) => {
    file.zones[index] = { ...file.zones[index], ...patch };
  });
}

/** `validFile()` with fields of annotation `index` replaced (`undefined` removes one). */
export function withAnnotation(index: number, patch: JsonRecord): string {
  return fileText((file) => {
    file.annotations[index] = { ...file.annotations[index], ...patch };
  });
}

/** `validFile()` with the top-level `key` set (`undefined` removes it). */
export function withTop(key: string, value: unknown): string {
  return fileText((file) => {
    file[key] = value;
  });
}
