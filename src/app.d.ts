import type { Ctx } from '$lib/server/shared/context';
import type { RequestTenant } from '$lib/server/organisation/organisation-repository';
import type { StreamedPart } from '$lib/server/http/streamed-page';

declare global {
	namespace App {
		interface Locals {
			ctx: Ctx;
			tenant: RequestTenant;
			locale: 'sv' | 'en';
			/** The signed-in person, for the header; absent for API tokens and public pages. */
			user?: { name: string; email: string };
			/** A part of the page sent after the rest of it (http/streamed-page.ts: the whole plan's outline). */
			streamed?: StreamedPart;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
