import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, MAX_JSON_DEPTH, checkAddress, checkField, checkJson, multipartTextFields, parseByteSize, tooLarge } from './boundary-checks';

describe('the input boundary', () => {
	it('finds control characters in the path and the query, by name and value', () => {
		expect(checkAddress(new URL('http://x/plans?from=2025-01-01&q=tab%09ok'))).toBeUndefined();
		expect(checkAddress(new URL('http://x/plans?org=%00'))?.field).toBe('org');
		expect(checkAddress(new URL('http://x/plans?a%1Fb=1'))?.params).toEqual({ character: 'U+001F' });
		expect(checkAddress(new URL('http://x/public/%00/plan'))?.code).toBe('error_request_control_character_address');
		expect(checkAddress(new URL('http://x/plans/%E0%A4%A'))).toBeUndefined();
	});

	it('allows tab, line feed and carriage return in a field; refuses the other C0 characters, DEL and overlong text', () => {
		expect(checkField('comment', 'a\tb\r\nc åäö 😀')).toBeUndefined();
		for (const code of [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f]) {
			expect(checkField('comment', `a${String.fromCharCode(code)}b`)?.code).toBe('error_request_control_character');
		}
		expect(checkField('comment', 'x'.repeat(MAX_FIELD_CHARS))).toBeUndefined();
		expect(checkField('comment', 'x'.repeat(MAX_FIELD_CHARS + 1))?.code).toBe('error_request_field_too_long');
	});

	it('reads the text fields of a multipart body and skips the files', () => {
		const boundary = 'AaB03x';
		const body = Buffer.concat([
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nÅrsplan\r\n`),
			Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
			Buffer.from([0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0x01]),
			Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nline\r\nnext\r\n--${boundary}--\r\n`)
		]);
		expect([...multipartTextFields(body, `multipart/form-data; boundary=${boundary}`)]).toEqual([
			['title', 'Årsplan'],
			['note', 'line\r\nnext']
		]);
		expect([...multipartTextFields(body, `multipart/form-data; boundary="${boundary}"`)]).toHaveLength(2);
		expect([...multipartTextFields(body, 'multipart/form-data')]).toEqual([]);
	});

	it('checks JSON in one pass: escaped and raw control characters, and depth', () => {
		expect(checkJson('{"a":"tab\\t and \\u0009 and \\n","b":[1,{"c":"\\\\u0000 is text"}]}')).toBeUndefined();
		expect(checkJson('{"a":"\\u0000"}')?.params).toEqual({ character: 'U+0000' });
		expect(checkJson('{"a":"\\u007F"}')?.code).toBe('error_request_control_character');
		expect(checkJson('{"a":"\u0001"}')?.code).toBe('error_request_control_character');
		expect(checkJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
		expect(checkJson('['.repeat(MAX_JSON_DEPTH + 1))?.code).toBe('error_request_json_too_deep');
		expect(checkJson('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).toBeUndefined();
		expect(checkJson('['.repeat(100_000))?.code).toBe('error_request_json_too_deep');
	});

	it('reads BODY_SIZE_LIMIT as adapter-node does and names the limit in MB', () => {
		expect(parseByteSize('12M')).toBe(12 * 1024 * 1024);
		expect(parseByteSize('512K')).toBe(512 * 1024);
		expect(parseByteSize('1000')).toBe(1000);
		expect(parseByteSize('Infinity')).toBe(Number.POSITIVE_INFINITY);
		expect(tooLarge(12 * 1024 * 1024).params).toEqual({ mb: { sv: '12', en: '12' } });
		expect(tooLarge(512 * 1024).params).toEqual({ mb: { sv: '0,5', en: '0.5' } });
		expect(tooLarge(1).status).toBe(413);
	});
});
