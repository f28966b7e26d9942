/** "m:ss" for the time left, rounded up to the whole second. */
export function formatClock(msLeft: number): string {
	const s = Math.max(0, Math.ceil(msLeft / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
