import type { ResolvedConfig } from '../config/config';

const NONE: readonly never[] = Object.freeze([]);

/**
 * What rules worked out about one prose text, kept between lints of a document so that a
 * keystroke re-checks only the fields it changed. Values are keyed by rule, config and the decoded
 * text itself, so they hold offsets into that text and never into the file: a field that moved
 * keeps its results, and the rule maps them to the file again. Each rule keeps at most
 * `maxEntries` texts, the least recently used going first.
 */
export class ProseCache {
  private readonly byNamespace = new Map<string, Map<string, { value: unknown; used: number }>>();
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private nextConfigId = 1;
  /** Counts look-ups, so each entry knows when it was last used. */
  private clock = 0;

  constructor(readonly maxEntries = 200_000) {}

  /** A memo for one rule under one config; a new config object starts afresh. */
  memoFor(ruleId: string, config: ResolvedConfig): <T>(text: string, compute: () => T) => T {
    let id = this.configIds.get(config);
    if (id === undefined) this.configIds.set(config, (id = this.nextConfigId++));
    const namespace = `${ruleId}@${id}`;
    let entries = this.byNamespace.get(namespace);
    if (!entries) this.byNamespace.set(namespace, (entries = new Map()));
    const map = entries;
    return <T>(text: string, compute: () => T): T => {
      // A hit is one look-up: a large document asks once per field per rule on every keystroke.
      const entry = map.get(text);
      if (entry) {
        entry.used = ++this.clock;
        return entry.value as T;
      }
      let value = compute();
      // Most texts have no findings for a rule: one shared empty list stands for all of them.
      if (Array.isArray(value) && value.length === 0) value = NONE as T;
      map.set(text, { value, used: ++this.clock });
      if (map.size > this.maxEntries) this.evict(map);
      return value;
    };
  }

  /**
   * Forgets the least recently used tenth (at least one), so eviction takes what the document no
   * longer holds and its cost is spread over many look-ups.
   */
  private evict(map: Map<string, { used: number }>): void {
    const count = Math.max(1, Math.floor(this.maxEntries / 10));
    const oldest = [...map].sort((a, b) => a[1].used - b[1].used).slice(0, count);
    for (const [text] of oldest) map.delete(text);
  }

  /** Forgets everything, for a closed document or a changed config. */
  clear(): void {
    this.byNamespace.clear();
  }
}

/** For one-off lints: computes every time and keeps nothing. */
export const noMemo = <T>(_text: string, compute: () => T): T => compute();
