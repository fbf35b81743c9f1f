// Seeded randomness: mulberry32 for streams, murmur3's finalizer to derive seeds and ids.

/** murmur3 fmix32: a bijection on uint32, so distinct inputs give distinct outputs. */
export function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seed of stream `index` under `seed`; streams of neighbouring indices are unrelated. */
export function deriveSeed(seed: number, index: number): number {
  return fmix32(fmix32(seed ^ 0x9e3779b9) + Math.imul(index + 1, 0x85ebca6b));
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) out += this.uint32().toString(16).padStart(8, "0");
    return out.slice(0, length);
  }

  alnum(length: number): string {
    const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let out = "";
    for (let i = 0; i < length; i += 1) out += chars[this.uint32() % chars.length] ?? "x";
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i];
      const b = out[j];
      if (a === undefined || b === undefined) continue;
      out[i] = b;
      out[j] = a;
    }
    return out;
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function hex8(n: number): string {
  return (
    (BYTE_HEX[n >>> 24] ?? "00") +
    (BYTE_HEX[(n >>> 16) & 255] ?? "00") +
    (BYTE_HEX[(n >>> 8) & 255] ?? "00") +
    (BYTE_HEX[n & 255] ?? "00")
  );
}

/**
 * UUID v4 shape. The last word is a bijection of the session and the first a bijection
 * of the event index within it, so ids never collide however many sessions there are.
 */
export function uuidV4(rng: Rng, sessionKey: number, eventIndex: number): string {
  const w3 = fmix32(sessionKey ^ 0x27d4eb2f);
  const w0 = fmix32((eventIndex + w3) >>> 0);
  const w1 = ((rng.uint32() & 0xffff0fff) | 0x00004000) >>> 0;
  const w2 = ((rng.uint32() & 0x3fffffff) | 0x80000000) >>> 0;
  return format(hex8(w0) + hex8(w1) + hex8(w2) + hex8(w3));
}

/** UUID v7 shape (PostHog's session and window ids): 48-bit ms timestamp first. */
export function uuidV7(rng: Rng, ms: number, uniqueKey: number): string {
  const time = Math.floor(ms).toString(16).padStart(12, "0").slice(-12);
  const versioned = `7${rng.hex(3)}`;
  const variant = `${"89ab"[rng.uint32() % 4] ?? "8"}${rng.hex(3)}`;
  return format(time + versioned + variant + rng.hex(4) + hex8(fmix32(uniqueKey)));
}

function format(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
