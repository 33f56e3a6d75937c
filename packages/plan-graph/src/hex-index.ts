/**
 * Finds a repeated identity among the nodes of one expansion (`action_key_collision`,
 * `action_id_collision`) without a map of 100,000 long strings, which cost as much as a fifth of
 * an expansion: an open-addressing table of node ordinals in one typed array, keyed by eight hex
 * digits read in place from the identity. Identities are SHA-256 hex, so those digits spread
 * evenly; equal prefixes are told apart by comparing the whole identities.
 */
export class HexIndex {
  /** Ordinal + 1 of the node in each slot; 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /**
   * @param capacity how many identities at most (the expansion's node count)
   * @param identityOf the identity of an earlier node, by ordinal
   * @param offset where the hex digits start (after `pa_aid_v1_` for action ids)
   */
  constructor(
    capacity: number,
    private readonly identityOf: (ordinal: number) => string,
    private readonly offset: number,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The ordinal of an earlier node with this identity; else undefined, and `ordinal` is recorded. */
  add(identity: string, ordinal: number): number | undefined {
    let h = 0;
    for (let i = this.offset; i < this.offset + 8; i++) {
      const c = identity.charCodeAt(i);
      // 0-9 and a-f; anything else (never in a SHA-256 hex) still gives some bucket.
      h = ((h << 4) | (c <= 57 ? c - 48 : c - 87)) >>> 0;
    }
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot] as number;
      if (held === 0) {
        this.slots[slot] = ordinal + 1;
        return undefined;
      }
      if (this.identityOf(held - 1) === identity) return held - 1;
    }
  }
}
