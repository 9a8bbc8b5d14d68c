import type { Ctx } from '$lib/server/shared/context';
import type { Tenant } from '$lib/server/organisation/organisation-repository';

declare global {
	namespace App {
		interface Locals {
			ctx: Ctx;
			tenant: Tenant;
			locale: 'sv' | 'en';
		}
		interface Error {
			message: string;
		}
	}
}

export {};
