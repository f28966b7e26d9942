import {useCallback, useRef, useState} from 'react';

/**
 * State whose latest value key handlers can read at once. Ink may hand several keys to the
 * handler before React renders again (a fast typist, a paste, tmux send-keys): reading plain
 * state there would act on a stale value, so handlers read `ref.current` instead.
 */
export function useSyncState<T>(initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void, {readonly current: T}] {
	const [value, setValue] = useState(initial);
	const ref = useRef(value);
	const set = useCallback((next: T | ((previous: T) => T)) => {
		ref.current = typeof next === 'function' ? (next as (previous: T) => T)(ref.current) : next;
		setValue(ref.current);
	}, []);
	return [value, set, ref];
}
