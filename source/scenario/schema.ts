/** The JSON Schema of scenario files, for editors (`flp schema` prints it). */
import {ANALYSIS_LABELS} from '../engine/analysis.js';
import {MAX_NODES, MAX_ROUNDS, MIN_NODES} from '../engine/game.js';
import {GOAL_KINDS} from '../engine/goals.js';
import {BEHAVIOURS} from '../engine/types.js';
import {protocolIds} from '../protocols/registry.js';
import {CHECKPOINT_GOALS, FORMAT_VERSION} from './format.js';

const move = {type: 'string', description: 'A move in notation: start 2, 2<1:vote=0, corrupt 3 as crash, 3>1:vote=1'};
const label = {enum: [...ANALYSIS_LABELS]};

export const SCHEMA = {
	$schema: 'https://json-schema.org/draft/2020-12/schema',
	$id: 'https://flp-adversary.dev/schema/scenario-1.json',
	title: 'flp-adversary scenario (level, saved game or replay)',
	type: 'object',
	additionalProperties: false,
	required: ['format', 'protocol', 'nodes', 'inputs'],
	properties: {
		format: {const: FORMAT_VERSION, description: 'The format version.'},
		id: {type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$'},
		title: {type: 'string'},
		story: {type: 'string', description: 'What the player reads before playing.'},
		protocol: {
			anyOf: [{enum: protocolIds()}, {type: 'string', pattern: '[/\\\\]|\\.(m?js|ts|mts)$', description: "A protocol module's path, relative to the file."}],
		},
		protocolHash: {type: 'string', pattern: '^[0-9a-f]{64}$', description: "With a module: the sha256 of its source when the game was saved."},
		rounds: {type: 'integer', minimum: 1, maximum: MAX_ROUNDS, description: 'Protocols with rounds (ben-or, paxos, modules).'},
		nodes: {type: 'integer', minimum: MIN_NODES, maximum: MAX_NODES},
		inputs: {type: 'string', pattern: '^([01]+|choose)$', description: 'Node 1 first, in quotes; or choose (Lemma 1 levels).'},
		f: {type: 'integer', minimum: 0},
		allow: {oneOf: [{const: 'none'}, {type: 'array', items: {enum: [...BEHAVIOURS]}, uniqueItems: true}]},
		goal: {
			oneOf: [
				{enum: [...GOAL_KINDS]},
				{
					type: 'object',
					additionalProperties: false,
					required: ['kind'],
					properties: {
						kind: {enum: [...GOAL_KINDS]},
						target: move,
						rounds: {type: 'integer', minimum: 1},
						pair: {type: 'array', items: move, minItems: 2, maxItems: 2},
						hide: {type: 'boolean'},
						commute: {type: 'boolean'},
					},
				},
			],
		},
		par: {type: 'integer', minimum: 1},
		hints: {type: 'boolean'},
		timeLimit: {type: 'integer', minimum: 1, description: 'Seconds.'},
		setup: {type: 'array', items: move, description: 'Moves made before the player starts.'},
		moves: {type: 'array', items: move, description: 'The player’s moves.'},
		expect: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['after'],
				properties: {
					after: {type: 'integer', minimum: 0},
					label,
					star: label,
					flags: {
						type: 'object',
						additionalProperties: false,
						properties: {agreement: {type: 'boolean'}, termination: {type: 'boolean'}, validity: {type: 'boolean'}},
					},
					goal: {enum: [...CHECKPOINT_GOALS]},
				},
			},
		},
	},
} as const;
