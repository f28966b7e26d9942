/** Strict XML parsing of the SVGs we write (saxes: a conformant, non-validating parser). */
import {SaxesParser} from 'saxes';

/** Parse an SVG strictly; the elements with their attributes, in document order. */
export function parseSvg(text: string): Array<{name: string; attributes: Record<string, string>; text: string}> {
	const parser = new SaxesParser({xmlns: true});
	const elements: Array<{name: string; attributes: Record<string, string>; text: string}> = [];
	const open: Array<(typeof elements)[number]> = [];
	parser.on('error', error => {
		throw error;
	});
	parser.on('opentag', tag => {
		const attributes: Record<string, string> = {};
		for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = typeof attribute === 'string' ? attribute : attribute.value;
		const element = {name: tag.name, attributes, text: ''};
		elements.push(element);
		open.push(element);
	});
	parser.on('text', text => {
		for (const element of open) element.text += text;
	});
	parser.on('closetag', () => open.pop());
	parser.write(text).close();
	return elements;
}
