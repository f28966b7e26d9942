/** The JSON Schema of challenge files, for editors (`flp schema challenge` prints it). */
import {BEHAVIOURS} from '../engine/types.js';
import {protocolIds} from '../protocols/registry.js';
import {GENERATED_GOALS} from './challenge.js';
import {CHALLENGE_FORMAT, DEFAULT_SCORING, HINTS} from './format.js';

const points = (what: string, value: number) => ({type: 'integer', minimum: 0, description: `${what} (default ${value}).`});

export const CHALLENGE_SCHEMA = {
	$schema: 'https://json-schema.org/draft/2020-12/schema',
	$id: 'https://flp-adversary.dev/schema/challenge-1.json',
	title: 'flp-adversary classroom challenge',
	type: 'object',
	additionalProperties: false,
	required: ['format', 'id', 'title', 'timeLimit', 'levels'],
	properties: {
		format: {const: CHALLENGE_FORMAT, description: 'The format version.'},
		id: {type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Lower-case letters, digits and dashes; result files name it.'},
		title: {type: 'string'},
		timeLimit: {type: 'integer', minimum: 1, description: 'Seconds for the whole challenge, from the moment the student presses Enter.'},
		hints: {
			oneOf: [{enum: [...HINTS]}, {type: 'boolean'}],
			description: 'What the screen shows of the analysis: none (default), label (the current label only) or full; false = none, true = full.',
		},
		scoring: {
			type: 'object',
			additionalProperties: false,
			properties: {
				solved: points('For reaching the goal', DEFAULT_SCORING.solved),
				underPar: points('For each move under par', DEFAULT_SCORING.underPar),
				overPar: points('Taken for each move over par', DEFAULT_SCORING.overPar),
				floor: points('The least a solved level scores', DEFAULT_SCORING.floor),
			},
		},
		seeds: {enum: ['player', 'free'], description: 'player (default): each seed comes from the player name; free: any --seed.'},
		roster: {type: 'string', description: 'A file of the names allowed to hand in, one a line (relative to this file).'},
		levels: {
			type: 'array',
			minItems: 1,
			items: {
				oneOf: [
					{type: 'object', additionalProperties: false, required: ['file'], properties: {file: {type: 'string', description: 'A scenario file, relative to this file.'}}},
					{
						type: 'object',
						additionalProperties: false,
						required: ['generate'],
						properties: {
							generate: {
								type: 'object',
								additionalProperties: false,
								required: ['goal', 'protocols', 'nodes', 'allow'],
								properties: {
									goal: {enum: [...GENERATED_GOALS]},
									protocols: {type: 'array', minItems: 1, items: {enum: protocolIds()}},
									nodes: {type: 'array', minItems: 1, items: {type: 'integer', minimum: 2, maximum: 4}},
									allow: {type: 'array', minItems: 1, items: {type: 'array', items: {enum: [...BEHAVIOURS]}}, description: 'Behaviour sets to draw from; [] is none.'},
									par: {type: 'integer', minimum: 1, description: 'Default: the length of the engine’s own solution.'},
									parSpread: {type: 'integer', minimum: 0, description: 'How far par may vary between students (flp challenge check fails beyond it).'},
								},
							},
						},
					},
				],
			},
		},
	},
} as const;
