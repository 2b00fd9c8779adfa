import { useEffect, useState } from 'react';

import { getPendingStore } from './store';

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

/* The course id behind one of the MFE's cards (loads the card map once per page). */
export function useCardCourseId(cardId) {
  const state = usePendingState();
  const store = getPendingStore();
  const hasPending = Object.keys(state.entries).length > 0;
  useEffect(() => {
    if (hasPending) { store.requestCards(); }
  }, [store, hasPending]);
  return state.cards ? state.cards[cardId] : undefined;
}
