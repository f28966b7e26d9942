/** The byzantine send menu: ready-made strategies, then every single legal send. */
import React, {useMemo} from 'react';
import type {Configuration} from '../engine/configuration.js';
import {legalSends} from '../engine/moves.js';
import {formatMessage, formatMove} from '../engine/notation.js';
import {strategies} from '../engine/strategies.js';
import type {Move} from '../engine/types.js';
import {SelectList} from './select-list.js';

export interface SendMenuProps {
	readonly config: Configuration;
	readonly rows: number;
	readonly onPick: (moves: readonly Move[]) => void;
	readonly onCancel: () => void;
}

export function SendMenu({config, rows, onPick, onCancel}: SendMenuProps): React.JSX.Element {
	const items = useMemo(() => {
		const list: Array<{label: string; detail?: string; value: readonly Move[]}> = [];
		for (let k = 1; k <= config.setup.n; k++) {
			if (config.nodes[k - 1]!.corrupt !== 'byzantine') continue;
			for (const s of strategies(config, k)) {
				list.push({label: `node ${k}: ${s.name}`, detail: s.description, value: s.moves});
			}

			list.push({label: `node ${k}: stay silent`, detail: 'send nothing: just never choose [b] for it', value: []});
		}

		// A send puts a message in the pool, where it waits to be delivered: say how it will show.
		for (const move of legalSends(config)) {
			const pending = move.kind === 'send' ? `pending as ${formatMessage(config.setup, move.message)}` : undefined;
			list.push({label: formatMove(config.setup, move), ...(pending ? {detail: pending} : {}), value: [move]});
		}

		return list;
	}, [config]);
	return <SelectList title="BYZANTINE SEND (each distinct message at most once)" rows={rows} items={items} onSelect={onPick} onCancel={onCancel} />;
}
