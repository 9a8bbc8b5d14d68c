import { describe, expect, it } from 'vitest';
import { applyNameTemplate, unknownPlaceholders } from './name-template';

describe('name templates', () => {
	const values: Record<string, string> = { title: 'Skolor med fokus på kunskap', ref: '17', typ: 'Nämndspecifikt' };
	const value = (key: string) => values[key] ?? '';

	it('writes the level name before the title, or the kind and number after it', () => {
		expect(applyNameTemplate('Kommunövergripande mål: {title}', value)).toBe('Kommunövergripande mål: Skolor med fokus på kunskap');
		expect(applyNameTemplate('{title} ({typ} strategiskt utvecklingsuppdrag {ref})', value)).toBe(
			'Skolor med fokus på kunskap (Nämndspecifikt strategiskt utvecklingsuppdrag 17)'
		);
	});

	it('has no name of its own when empty, so the default "{ref} {title}" is used', () => {
		expect(applyNameTemplate('  ', value)).toBeUndefined();
	});

	it('leaves out what an item lacks, with the brackets and spaces around it', () => {
		expect(applyNameTemplate('{title} ({ref})', (key) => (key === 'title' ? 'Läsa' : ''))).toBe('Läsa');
		expect(applyNameTemplate('{title} ({typ} uppdrag {ref})', (key) => (key === 'title' ? 'Läsa' : key === 'ref' ? '3' : ''))).toBe('Läsa (uppdrag 3)');
		expect(applyNameTemplate('{ref} : {title}', (key) => (key === 'title' ? 'Läsa' : ''))).toBe(': Läsa');
	});

	it('names the placeholders the level does not have', () => {
		expect(unknownPlaceholders('{title} ({typ} {ref})', ['typ'])).toEqual([]);
		expect(unknownPlaceholders('{titel} ({typ})', [])).toEqual(['titel', 'typ']);
	});
});
