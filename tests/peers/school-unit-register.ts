import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Skolverket's school unit register (Skolenhetsregistret API v2) on this machine, for
 * tests, the bench and the browser tests: it serves recorded answers in the documented shape and
 * never reaches the real service. `/v2/school-units` lists code, name and status (filtered by
 * `municipality_code`, `organization_number` and `status`; without a status, like the register,
 * only AKTIV and VILANDE), `/v2/school-units/{code}` answers one unit.
 *
 * Bad answers live under their own base addresses: `<origin>/broken/<kind>/v2`, kind one of
 * `500`, `slow` (never answers), `malformed` (a list whose codes are numbers), `not-json`,
 * `huge` (megabytes without a declared length) and `many` (more units than an import takes).
 */

export type RegisterUnitAnswer = {
	meta: { extractDate: string };
	data: { type: 'schoolunit'; schoolUnitCode: string; attributes: Record<string, unknown> & { displayName: string; status: string; municipalityCode: string; schoolTypes: string[] } };
	included?: { type: string; organizationNumber: string; attributes: Record<string, unknown> };
};

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'school-units-1280.json');

/** The recorded answers of municipality 1280 (organisation number 2120001280): förskola, F–6, 7–9, gymnasium, a dormant and a closed unit, komvux. */
export function recordedUnits(): RegisterUnitAnswer[] {
	return JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as RegisterUnitAnswer[];
}

/** `count` units of one municipality (for the bench): every fifth a förskola, the rest schools of varied forms. */
export function generatedUnits(count: number, municipalityCode = '0999', organisationNumber = '2120000999'): RegisterUnitAnswer[] {
	const forms = [['FS'], ['FKLASS', 'FTH', 'GR'], ['GR'], ['GR', 'GRAN'], ['GY']];
	return Array.from({ length: count }, (_, index) => {
		const code = `${municipalityCode}${String(index + 1).padStart(4, '0')}`;
		return {
			meta: { extractDate: '2026-11-20T03:00:00+01:00' },
			data: {
				type: 'schoolunit',
				schoolUnitCode: code,
				attributes: { displayName: `Enhet ${index + 1}`, status: 'AKTIV', schoolUnitType: 'SKOLENHET', municipalityCode, schoolTypes: forms[index % forms.length], endDate: null }
			},
			included: { type: 'organizer', organizationNumber: organisationNumber, attributes: { displayName: `Kommun ${municipalityCode}`, organizerType: 'KOMMUN' } }
		};
	});
}

export interface SchoolUnitRegisterStub {
	origin: string;
	/** The base address to give as SKOLVERKET_URL. */
	url: string;
	/** The base address of a register that answers badly. */
	broken(kind: '500' | 'slow' | 'malformed' | 'not-json' | 'huge' | 'many'): string;
	/** Replaces what the register holds (a re-import after the register changed). */
	setUnits(units: RegisterUnitAnswer[]): void;
	/** How many requests it has answered. */
	requests(): number;
	close(): Promise<void>;
}

export async function startSchoolUnitRegister(options: { port?: number; units?: RegisterUnitAnswer[] } = {}): Promise<SchoolUnitRegisterStub> {
	let units = options.units ?? recordedUnits();
	let count = 0;
	const server = http.createServer((request, response) => {
		count += 1;
		const url = new URL(request.url ?? '/', 'http://stub');
		const broken = /^\/broken\/([a-z0-9-]+)(\/v2\/.*)$/.exec(url.pathname);
		const route = broken ? broken[2] : url.pathname;
		const send = (status: number, body: unknown) => {
			const text = JSON.stringify(body);
			response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
			response.end(text);
		};
		if (request.method !== 'GET') return send(405, { message: 'Method not allowed' });
		switch (broken?.[1]) {
			case '500':
				return send(500, { message: 'Internal Server Error' });
			case 'slow':
				return; // never answers; the socket is closed with the server
			case 'not-json':
				response.writeHead(200, { 'content-type': 'text/html' });
				return response.end('<html><body>Underhåll pågår</body></html>');
			case 'malformed':
				return send(200, { meta: { extractDate: '2026-11-20' }, data: { type: 'schoolunit', attributes: [{ schoolUnitCode: 12801002, name: 'Lindskolan F–6', status: 'AKTIV' }] } });
			case 'huge': {
				response.writeHead(200, { 'content-type': 'application/json' });
				const filler = `{"schoolUnitCode":"12345678","name":"${'x'.repeat(1000)}","status":"AKTIV"},`;
				response.write('{"data":{"attributes":[');
				let written = 0;
				const more = () => {
					while (written < 4000) {
						written += 1;
						if (!response.write(filler)) return void response.once('drain', more);
					}
					response.end('{"schoolUnitCode":"12345678","name":"x","status":"AKTIV"}]}}');
				};
				return more();
			}
			case 'many':
				return send(200, {
					meta: { extractDate: '2026-11-20' },
					data: { type: 'schoolunit', attributes: Array.from({ length: 2001 }, (_, index) => ({ schoolUnitCode: String(10000000 + index), name: `Enhet ${index}`, status: 'AKTIV' })) }
				});
		}
		if (route === '/v2/school-units') {
			const municipalities = url.searchParams.getAll('municipality_code');
			const organisations = url.searchParams.getAll('organization_number');
			const statuses = url.searchParams.getAll('status');
			const wanted = statuses.length ? statuses : ['AKTIV', 'VILANDE'];
			const listed = units.filter(
				(unit) =>
					(!municipalities.length || municipalities.includes(unit.data.attributes.municipalityCode)) &&
					(!organisations.length || organisations.includes(unit.included?.organizationNumber ?? '')) &&
					wanted.includes(unit.data.attributes.status)
			);
			return send(200, {
				meta: { extractDate: '2026-11-20T03:00:00+01:00' },
				links: { href: `https://api.skolverket.se/skolenhetsregistret${url.pathname}${url.search}` },
				data: {
					type: 'schoolunit',
					attributes: listed.map((unit) => ({ schoolUnitCode: unit.data.schoolUnitCode, name: unit.data.attributes.displayName, status: unit.data.attributes.status }))
				}
			});
		}
		const one = /^\/v2\/school-units\/(\d{8})$/.exec(route);
		const unit = one && units.find((candidate) => candidate.data.schoolUnitCode === one[1]);
		if (unit) return send(200, unit);
		return send(404, { message: 'Not Found' });
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: `${origin}/v2`,
		broken: (kind) => `${origin}/broken/${kind}/v2`,
		setUnits: (next) => void (units = next),
		requests: () => count,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
