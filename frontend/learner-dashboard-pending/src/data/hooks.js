import { useEffect, useState } from 'react';

import { getPendingStore, UPGRADE } from './store';

/* The shared pending state; subscribing starts the page's poller. */
export function usePendingState() {
  const store = getPendingStore();
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    const update = () => setState(store.getState());
    const unsubscribe = store.subscribe(update);
    update();
    return unsubscribe;
  }, [store]);
  return state;
}

/* The course id behind one of the MFE's cards (loads the card map once, when an upgrade is pending). */
export function useCardCourseId(cardId) {
  const state = usePendingState();
  const store = getPendingStore();
  const hasUpgrade = Object.values(state.entries).some((entry) => entry.kind === UPGRADE);
  useEffect(() => {
    if (hasUpgrade) { store.requestCards(); }
  }, [store, hasUpgrade]);
  return state.cards ? state.cards[cardId] : undefined;
}
