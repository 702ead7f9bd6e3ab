import { describe, expect, it } from 'vitest';
import { KEY_PATTERN, newRoom } from '../collab/capability';
import { rosterEntrySchema } from '../collab/roster';
import { newEntryKey, newTrainerKey, openEntry, sealEntry } from './class-crypto';

describe('sealing a learner’s room key to the trainer', () => {
  it('round-trips: the trainer opens what a learner sealed, and the entry has the roster’s shape', async () => {
    const trainer = await newTrainerKey();
    const { editKey } = await newRoom();
    const key = newEntryKey();
    const entry = await sealEntry(trainer, key, 'Ada', editKey);
    expect(rosterEntrySchema.safeParse(entry).success).toBe(true);
    expect(JSON.stringify(entry)).not.toContain(editKey);
    expect(await openEntry(trainer, key, entry)).toBe(editKey);
    expect(KEY_PATTERN.test(trainer.d)).toBe(true);
  });

  it('refuses tampered, moved, renamed entries and another trainer’s key', async () => {
    const trainer = await newTrainerKey();
    const other = await newTrainerKey();
    const { editKey } = await newRoom();
    const key = newEntryKey();
    const entry = await sealEntry(trainer, key, 'Ada', editKey);
    const flipped = `${entry.box[0] === 'A' ? 'B' : 'A'}${entry.box.slice(1)}`;
    expect(await openEntry(trainer, key, { ...entry, box: flipped })).toBeUndefined();
    expect(await openEntry(trainer, newEntryKey(), entry)).toBeUndefined();
    expect(await openEntry(trainer, key, { ...entry, name: 'Eve' })).toBeUndefined();
    expect(await openEntry(other, key, entry)).toBeUndefined();
    // Another learner's one-off key in place of the sealer's: a different box key.
    const second = await sealEntry(trainer, key, 'Ada', editKey);
    expect(await openEntry(trainer, key, { ...entry, x: second.x, y: second.y })).toBeUndefined();
    // A point that is not on the curve never throws.
    expect(await openEntry(trainer, key, { ...entry, x: 'A'.repeat(43), y: 'A'.repeat(43) })).toBeUndefined();
  });

  it('seals to a trainer key taken from a link only when it is a real point', async () => {
    await expect(
      sealEntry({ x: 'A'.repeat(43), y: 'A'.repeat(43) }, newEntryKey(), 'Ada', 'k'),
    ).rejects.toThrow();
  });
});
