import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET, sameOriginPath } from './redirect-target';

const ORIGIN = 'https://styrkedjan.example.se';

describe('redirect target after sign-in', () => {
	it.each([
		'/\\evil.example',
		'\\/evil.example',
		'//evil.example',
		'/%5Cevil.example',
		'/%5cevil.example',
		'/%2F%2Fevil.example',
		'/.//evil.example',
		'/\t/evil.example',
		'https://evil.example/plans',
		`${ORIGIN}.evil.example/plans`,
		'javascript:alert(1)',
		'plans',
		'',
		null,
		undefined
	])('sends %j to the default page', (target) => {
		expect(sameOriginPath(target, ORIGIN)).toBe(DEFAULT_TARGET);
	});

	it('keeps a path on this site with its query and fragment', () => {
		expect(sameOriginPath('/plans/x?y=1', ORIGIN)).toBe('/plans/x?y=1');
		expect(sameOriginPath('/plans/x?y=1#item-3', ORIGIN)).toBe('/plans/x?y=1#item-3');
		expect(sameOriginPath('/admin/people', ORIGIN, '/')).toBe('/admin/people');
		expect(sameOriginPath('//evil.example', ORIGIN, '/')).toBe('/');
	});
});
