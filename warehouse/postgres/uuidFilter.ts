/**
 * The uuids one import has stored, as 32-bit hashes in an open-addressed table (4 bytes a slot, at most
 * half full: 8 MB for a million events, where a Set of the strings would hold 80). It answers "maybe"
 * for every uuid added and for a rare other one whose hash collides, never "no" for one added: a "no"
 * needs no look-up, a "maybe" is asked of the warehouse.
 */
export class UuidFilter {
  private slots = new Uint32Array(1 << 16);
  private count = 0;

  add(uuid: string): void {
    if (2 * (this.count + 1) > this.slots.length) this.grow();
    if (this.insert(hashOf(uuid))) this.count++;
  }

  mightHave(uuid: string): boolean {
    const h = hashOf(uuid);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === h) return true;
      if (slot === 0) return false;
    }
  }

  /** Places a hash; false when it was there already. */
  private insert(h: number): boolean {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === h) return false;
      if (slot === 0) {
        this.slots[i] = h;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (const h of old) if (h !== 0) this.insert(h);
  }
}

/** FNV-1a of the uuid's UTF-16 code units, never 0 (an empty slot). */
function hashOf(uuid: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < uuid.length; i++) h = Math.imul(h ^ uuid.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}
