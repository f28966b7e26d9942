import {useEffect, useState} from 'react';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner frame that turns while `active`. */
export function useSpinner(active: boolean): string {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		if (!active) return;
		const timer = setInterval(() => setFrame(f => (f + 1) % FRAMES.length), 100);
		return () => clearInterval(timer);
	}, [active]);
	return FRAMES[frame]!;
}
