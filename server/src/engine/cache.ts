import type { ResolvedConfig } from '../config/config';

/**
 * What rules worked out about one prose text, kept between lints of a document so that a
 * keystroke re-checks only the fields it changed. Values are keyed by rule, config and the decoded
 * text itself, so they hold offsets into that text and never into the file: a field that moved
 * keeps its results, and the rule maps them to the file again. Each rule keeps at most
 * `maxEntries` texts, the least recently used going first.
 */
export class ProseCache {
  private readonly byNamespace = new Map<string, Map<string, unknown>>();
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private nextConfigId = 1;

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
      if (map.has(text)) {
        const value = map.get(text) as T;
        // Move it to the young end, so eviction takes what the document no longer holds.
        map.delete(text);
        map.set(text, value);
        return value;
      }
      const value = compute();
      map.set(text, value);
      if (map.size > this.maxEntries) map.delete(map.keys().next().value as string);
      return value;
    };
  }

  /** Forgets everything, for a closed document or a changed config. */
  clear(): void {
    this.byNamespace.clear();
  }
}

/** For one-off lints: computes every time and keeps nothing. */
export const noMemo = <T>(_text: string, compute: () => T): T => compute();
