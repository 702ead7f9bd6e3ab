/**
 * A fresh document id: random, so the ids of documents in one browser's storage never collide.
 * `randomUUID` exists only in secure contexts; a page served over plain HTTP uses random bytes.
 */
export function newDocumentId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
