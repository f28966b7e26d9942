import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// `until` gives up after 5 s with the last frame; the test itself may take longer.
		testTimeout: 20_000,
	},
});
