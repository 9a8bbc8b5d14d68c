import { loadSignIn, signInActions } from '../sign-in-page.server';
import type { Actions, PageServerLoad } from './$types';

// An organisation's own sign-in address: /login/<organisation>.
export const load: PageServerLoad = (event) => loadSignIn(event);
export const actions: Actions = signInActions;
