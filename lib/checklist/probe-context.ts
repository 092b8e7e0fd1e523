import type { Contract } from '@/lib/contract/schema';
import type { SpeedResult } from './checks/network.speed';

/**
 * What a measured check's probe, watch and actions are given. Nothing here touches the browser:
 * the popup builds it from the contract and its preparation, and the loop (measure-loop.ts)
 * adds the shared reads.
 */
export interface ProbeContext {
  readonly contract: Contract;
  /** The connection test of this preparation: the popup keeps its result across openings. */
  readonly connectionTest: Store<ConnectionTest>;
  /** What `source` reads, asked of the browser once however many checks want it. */
  read<T>(source: Source<T>): Promise<T>;
  /** What `source` last read, if it has (an action uses the finding its button was shown for). */
  latest<T>(source: Source<T>): T | undefined;
  /** Calls `listener` when `source` may read differently; returns how to stop. */
  watch(source: Source<unknown>, listener: () => void): () => void;
  /** Forgets what `source` read and tells its watchers (after an action changed it). */
  refresh(source: Source<unknown>): void;
}

/** A reading several checks share (the tab strip serves three), and when it changes. */
export interface Source<T> {
  read(ctx: ProbeContext): Promise<T>;
  watch?(changed: () => void): () => void;
}

export interface ConnectionTest {
  /** The phase of a test under way. */
  running?: string;
  result?: SpeedResult;
}

/** A value with listeners: the popup and a check's action share the connection test through one. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
