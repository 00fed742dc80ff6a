import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { casesKey } from './cases-api.js';

/** What the server says when a case the caller may see changes (server/cases/live-stream.ts). */
export interface CaseEvent {
  id: string;
  number: string;
  status: string;
}

type Listener = (event: CaseEvent | null) => void;

// One EventSource for the whole tab, shared by the bell and the pages: browsers allow only a few connections per host.
const listeners = new Set<Listener>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
let connected = false;
/** Set when the stream dropped: changes may have been missed until it is back. */
let missed = false;

function setConnected(value: boolean): void {
  if (connected === value) return;
  connected = value;
  statusListeners.forEach((l) => l());
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource('/api/cases/events');
  source = es;
  es.onopen = () => {
    setConnected(true);
    // Anything that changed while the stream was down is unknown: `null` asks every page to re-read.
    if (missed) listeners.forEach((l) => l(null));
    missed = false;
  };
  es.addEventListener('case', (message) => {
    try {
      const event = JSON.parse((message as MessageEvent<string>).data) as CaseEvent;
      listeners.forEach((l) => l(event));
    } catch {
      // A malformed event is dropped; the next one or the reconnect brings the page up to date.
    }
  });
  es.onerror = () => {
    setConnected(false);
    missed = true;
    // The browser retries by itself after a network drop, but gives up for good on an HTTP error (a lapsed session).
    if (es.readyState === EventSource.CLOSED) {
      source = null;
      if (listeners.size && !retry) retry = setTimeout(() => ((retry = null), listeners.size && open()), 5_000);
    }
  };
}

function close(): void {
  if (retry) clearTimeout(retry);
  retry = null;
  source?.close();
  source = null;
  missed = false;
  setConnected(false);
}

/** Listens to case changes while at least one listener is subscribed; returns the unsubscribe function. */
export function subscribeCaseEvents(listener: Listener): () => void {
  listeners.add(listener);
  open();
  return () => {
    listeners.delete(listener);
    if (!listeners.size) close();
  };
}

// The refresh runs once per burst however many components ask for it (the header bell and the page both do).
const refreshing = new Map<QueryClient, number>();
let stopRefresh: (() => void) | null = null;

function startRefresh(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = new Set<string>();
  let all = false;
  const flush = () => {
    timer = null;
    for (const client of refreshing.keys()) {
      void client.invalidateQueries({ queryKey: [...casesKey, 'list'] });
      void client.invalidateQueries({ queryKey: ['messages'] });
      if (all) void client.invalidateQueries({ queryKey: [...casesKey, 'detail'] });
      else changed.forEach((id) => void client.invalidateQueries({ queryKey: [...casesKey, 'detail', id] }));
    }
    changed.clear();
    all = false;
  };
  const unsubscribe = subscribeCaseEvents((event) => {
    if (event) changed.add(event.id);
    else all = true;
    // Bursts (a batch import) are folded into one refresh.
    timer ??= setTimeout(flush, 300);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

/**
 * Keeps the page's case queries current: any change the server reports re-reads the case lists, the changed case and
 * the messages. `onEvent` hears each change too. Returns whether the live stream is connected.
 */
export function useCaseLiveRefresh(onEvent?: (event: CaseEvent) => void): boolean {
  const queryClient = useQueryClient();
  // Read when an event arrives: subscribing again on every render would reopen the stream.
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const wantsEvents = onEvent !== undefined;
  useEffect(() => {
    refreshing.set(queryClient, (refreshing.get(queryClient) ?? 0) + 1);
    stopRefresh ??= startRefresh();
    return () => {
      const left = (refreshing.get(queryClient) ?? 1) - 1;
      if (left > 0) refreshing.set(queryClient, left);
      else refreshing.delete(queryClient);
      if (!refreshing.size) {
        stopRefresh?.();
        stopRefresh = null;
      }
    };
  }, [queryClient]);
  useEffect(() => {
    if (!wantsEvents) return;
    return subscribeCaseEvents((event) => {
      if (event) onEventRef.current?.(event);
    });
  }, [wantsEvents]);
  return useSyncExternalStore(
    (cb) => {
      statusListeners.add(cb);
      return () => statusListeners.delete(cb);
    },
    () => connected,
    () => false,
  );
}
