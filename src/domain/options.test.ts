import { expect, test } from 'vitest';
import type { Requirement } from './cardinality';
import { optionEffect, requirementNote } from './explain';
import { ALL_CELLS, type MatrixCell, matrixCell } from './matrix';
import { DEFAULT_OPTIONS, OPTION_CATALOG, optionInfo, requiringOption } from './options';

// What the options do, as data (rules.md section 3): the cells an option makes required carry it
// in `requiredWhen`, and the option's entry says the rest. Written by hand from section 3.
const EXPECTED_REQUIRED_WHEN = {
  managementLayer: [
    'server→message-server',
    'builder→message-server',
    'daemon→message-server',
    'data-aggregator→message-server',
    'web→message-server',
  ],
  scheduledReporting: ['daemon→web'],
};

function cell(from: 'daemon' | 'web' | 'builder', to: 'web' | 'message-server' | 'server'): MatrixCell {
  const found = matrixCell(from, to);
  if (!found) throw new Error(`no ${from} → ${to} cell`);
  return found;
}

test.each(Object.entries(EXPECTED_REQUIRED_WHEN))(
  '%s makes exactly the cells of section 3 required',
  (key, cells) => {
    const marked = ALL_CELLS.filter((c) => c.requiredWhen === key).map((c) => `${c.from}→${c.to}`);
    expect(marked).toEqual(cells);
  },
);

test('only optional cells are made required by an option', () => {
  for (const c of ALL_CELLS.filter((c) => c.requiredWhen !== undefined)) {
    expect(c.mark).toBe('optional-one');
  }
});

test('scheduled reporting needs a WFM Daemon; the Management Layer warns about its connections while off', () => {
  expect(optionInfo('scheduledReporting').requiresKind?.kind).toBe('daemon');
  expect(optionInfo('managementLayer').requiresKind).toBeUndefined();
  expect(optionInfo('managementLayer').offWarning).toBe('management-layer-off');
  expect(optionInfo('scheduledReporting').offWarning).toBeUndefined();
});

test('every option is found again by the requirement it gives', () => {
  for (const option of OPTION_CATALOG) expect(requiringOption(option.requiredBy)).toBe(option);
  expect(requiringOption('matrix')).toBeUndefined();
  expect(requiringOption('none')).toBeUndefined();
});

test('the matrix explorer says what each option does to a cell, on and off', () => {
  const on = { managementLayer: true, scheduledReporting: true };
  expect(optionEffect(cell('builder', 'message-server'), on)).toBe(
    'The Management Layer is on in this deployment, so this connection is required.',
  );
  expect(optionEffect(cell('builder', 'message-server'), DEFAULT_OPTIONS)).toBe(
    'The Management Layer is off in this deployment: the connection is not needed, and one that is drawn gets a warning. With the Management Layer on, it is required.',
  );
  expect(optionEffect(cell('daemon', 'web'), on)).toBe(
    'Scheduled reporting is on in this deployment, so this connection is required.',
  );
  expect(optionEffect(cell('daemon', 'web'), DEFAULT_OPTIONS)).toBe(
    'Scheduled reporting is off in this deployment, so this connection is optional. With scheduled reporting on, it is required.',
  );
  expect(optionEffect(cell('web', 'server'), on)).toBeNull();
});

test('the rule card says which option made a connection required', () => {
  const required = (requiredBy: Requirement['requiredBy']): Requirement => ({ min: 1, max: 1, requiredBy });
  expect(requirementNote(required('management-layer'))).toBe('Required: the Management Layer is on.');
  expect(requirementNote(required('scheduled-reporting'))).toBe('Required: scheduled reporting is on.');
  expect(requirementNote(required('matrix'))).toBeNull();
  expect(requirementNote({ min: 0, max: 1, requiredBy: 'none' })).toBeNull();
});
