/** An in-memory `Storage` for tests: localStorage and sessionStorage as the library uses them. */
export class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  /** When true, every write fails as a full storage does. */
  full = false;

  /** A storage holding a copy of `items` (a tab duplicated with its session storage). */
  constructor(items: ReadonlyMap<string, string> = new Map()) {
    for (const [key, value] of items) this.items.set(key, value);
  }

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  keysStartingWith(prefix: string): string[] {
    return [...this.items.keys()].filter((key) => key.startsWith(prefix));
  }
}
