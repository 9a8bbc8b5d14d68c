import type { Ctx } from '$lib/server/shared/context';
import type { RequestTenant } from '$lib/server/organisation/organisation-repository';

declare global {
	namespace App {
		interface Locals {
			ctx: Ctx;
			tenant: RequestTenant;
			locale: 'sv' | 'en';
			/** The signed-in person, for the header; absent for API tokens and public pages. */
			user?: { name: string; email: string };
		}
		interface Error {
			message: string;
		}
	}
}

export {};
