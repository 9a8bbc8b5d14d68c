import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';

export type Locale = 'sv' | 'en';

/** The language a form chose: English when it says so, else Swedish (the default). */
export function chosenLocale(form: FormData): Locale {
	return form.get('locale') === 'en' ? 'en' : 'sv';
}

/** The pages follow the chosen language from the next answer on (Paraglide reads this cookie). */
export function rememberLocale(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: false });
}
