import { getDb } from '$lib/server/app/runtime';
import { swedishToday } from '$lib/server/shared/calendar-date';
import { loadStartPage } from '$lib/server/start-page/start-page';
import type { PageServerLoad } from './$types';


export const load: PageServerLoad = async ({ locals }) => {
	// Open to every signed-in person: each part shows only what the policies let them see.
	return { start: await loadStartPage(getDb(), locals.ctx, swedishToday()), name: locals.user?.name ?? '' };
};
