import {useCallback, useRef, useState} from 'react';

/**
 * A reducer whose latest state key handlers can read at once. Ink may hand several keys to a
 * handler before React renders again (a fast typist, a paste, tmux send-keys): each action is
 * applied to the state the previous one left, not to the last rendered one.
 */
export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, initial: () => S): [S, (action: A) => void, {readonly current: S}] {
	const [state, setState] = useState(initial);
	const ref = useRef(state);
	const dispatch = useCallback(
		(action: A) => {
			ref.current = reducer(ref.current, action);
			setState(ref.current);
		},
		[reducer],
	);
	return [state, dispatch, ref];
}
