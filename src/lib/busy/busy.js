// @ts-check
/**
 * Busy states and upload progress in the browser, for pages with SvelteKit's scripts and for pages
 * rendered on the server only (`csr = false`: the plans list, the plan page, the plan's import page),
 * so it is a plain script (loaded by `components/BusyStatus.svelte`) listening on the document:
 *
 * - `a[data-busy-download]`: the file is fetched while the link is busy (`aria-busy`, a spinner and
 *   "Skapar PDF …" in its status), then saved under the server's file name. An answer that is not a
 *   file (an error page) is opened as the plain link would have been.
 * - `form[data-busy-form]`: busy from the moment it is sent (`aria-busy` on the form and the button
 *   that sent it, its buttons `aria-disabled`, a second submit ignored, "Läser in …"). A form with a
 *   chosen file is sent through XMLHttpRequest so the upload can be shown (a `<progress>` and
 *   "Skickar filen … 45 %"), then "Läser in …" until the answer. Where SvelteKit runs the page
 *   (`data-busy-enhanced`, set by BusyForm) the answer is SvelteKit's JSON one, handed to the form as a
 *   `busy-answer` event for BusyForm to apply; elsewhere it is shown as the browser would have shown
 *   it: a redirect is followed, a page replaces this page's body. Other forms are posted by the
 *   browser, whose next page ends the busy state.
 *
 * The status is the element named by the owner's `data-busy-status` (an id), holding the texts in
 * `data-working`, `data-sending`, `data-uploading` and `data-failed`. The link's or button's own text
 * never changes, so its accessible name stays the same while it works. Without scripts none of this
 * runs: the link downloads and the form posts.
 */

/** Links and forms at work. */
const working = new Set();

/** @param {Element} owner */
function statusOf(owner) {
	const id = owner.getAttribute('data-busy-status');
	const status = id ? document.getElementById(id) : null;
	return {
		status,
		progress: status?.querySelector('progress') ?? null,
		text: status?.querySelector('[data-busy-text]') ?? null,
		live: status?.querySelector('[data-busy-live]') ?? null
	};
}

/**
 * Shows what is going on: `visible` beside the spinner, `spoken` through the live region (only when it
 * changes, so a moving percentage is not read out at every step), `share` in the progress bar.
 * @param {Element} owner
 * @param {{ visible: string, spoken?: string, share?: number, busy?: boolean }} state
 */
function show(owner, { visible, spoken, share, busy = true }) {
	const { status, progress, text, live } = statusOf(owner);
	if (!status) return;
	status.toggleAttribute('data-busy', busy);
	if (text) text.textContent = visible;
	if (live && spoken !== undefined && live.textContent !== spoken) live.textContent = spoken;
	if (progress) {
		progress.hidden = share === undefined;
		if (share !== undefined) progress.value = Math.round(share * 100);
	}
}

/** @param {Element} owner @param {Element | null} [submitter] */
function start(owner, submitter) {
	working.add(owner);
	owner.setAttribute('aria-busy', 'true');
	submitter?.setAttribute('aria-busy', 'true');
	if (owner instanceof HTMLFormElement) for (const button of buttons(owner)) button.setAttribute('aria-disabled', 'true');
}

/** @param {Element} owner */
function stop(owner) {
	working.delete(owner);
	owner.removeAttribute('aria-busy');
	if (owner instanceof HTMLFormElement)
		for (const button of buttons(owner)) {
			button.removeAttribute('aria-busy');
			button.removeAttribute('aria-disabled');
		}
}

/** @param {HTMLFormElement} form */
function buttons(form) {
	return [...form.elements].filter((element) => element instanceof HTMLButtonElement || (element instanceof HTMLInputElement && element.type === 'submit'));
}

/** The file's name from Content-Disposition (RFC 6266: filename* first), else the address's last part. */
function fileName(/** @type {string} */ disposition, /** @type {string} */ address) {
	const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
	if (encoded) return decodeURIComponent(encoded);
	const plain = disposition.match(/filename="?([^";]+)"?/i)?.[1];
	return plain ?? address.split('?')[0].split('/').pop() ?? 'download';
}

/** @param {HTMLAnchorElement} link */
async function download(link) {
	const label = statusOf(link).status?.getAttribute('data-working') ?? '';
	start(link);
	show(link, { visible: label, spoken: label });
	try {
		const response = await fetch(link.href, { credentials: 'same-origin' });
		const disposition = response.headers.get('content-disposition');
		if (!response.ok || !disposition?.toLowerCase().startsWith('attachment')) {
			window.location.href = link.href; // not a file: show what the server says, as the plain link would
			return;
		}
		const url = URL.createObjectURL(await response.blob());
		const save = Object.assign(document.createElement('a'), { href: url, download: fileName(disposition, link.href) });
		document.body.append(save);
		save.click();
		save.remove();
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
	} catch {
		window.location.href = link.href;
	} finally {
		idle(link);
	}
}

/**
 * Sends the form with its file through XMLHttpRequest, showing the upload, then the answer as the
 * browser would have: a redirect is followed, a page (the form's answer, a refusal, an error page)
 * replaces the body.
 * @param {HTMLFormElement} form
 * @param {HTMLElement | null} submitter
 */
function upload(form, submitter) {
	const { status } = statusOf(form);
	const sending = status?.getAttribute('data-sending') ?? '';
	const reading = status?.getAttribute('data-working') ?? '';
	const address = submitter instanceof HTMLButtonElement && submitter.hasAttribute('formaction') ? submitter.formAction : form.action;
	// On a page SvelteKit runs, BusyForm applies SvelteKit's own answer to a form action; elsewhere the page is asked for.
	const enhanced = form.hasAttribute('data-busy-enhanced');
	const request = new XMLHttpRequest();
	request.open('POST', address);
	request.setRequestHeader('accept', enhanced ? 'application/json' : 'text/html');
	if (enhanced) request.setRequestHeader('x-sveltekit-action', 'true');
	show(form, { visible: sending.replace('{percent}', '0'), spoken: status?.getAttribute('data-uploading') ?? '', share: 0 });
	request.upload.addEventListener('progress', (event) => {
		if (!event.lengthComputable) return;
		const share = event.loaded / event.total;
		show(form, { visible: sending.replace('{percent}', String(Math.floor(share * 100))), share });
	});
	request.upload.addEventListener('load', () => show(form, { visible: reading, spoken: reading }));
	request.addEventListener('load', () => {
		if (enhanced) {
			/** @param {boolean} applied */
			const done = (applied) => (applied ? idle(form) : failed(form));
			form.dispatchEvent(new CustomEvent('busy-answer', { detail: { text: request.responseText, done } }));
			return;
		}
		const answered = new URL(request.responseURL || address, window.location.href);
		if (answered.href !== new URL(address, window.location.href).href) {
			window.location.assign(answered.href); // redirected: go where the browser would have gone
			return;
		}
		if (!(request.getResponseHeader('content-type') ?? '').includes('text/html')) return failed(form);
		replacePage(request.responseText);
	});
	request.addEventListener('error', () => failed(form));
	request.addEventListener('abort', () => failed(form));
	request.send(new FormData(form, submitter));
}

/** @param {Element} owner */
function idle(owner) {
	stop(owner);
	show(owner, { visible: '', spoken: '', busy: false });
}

/** @param {HTMLFormElement} form */
function failed(form) {
	stop(form);
	const message = statusOf(form).status?.getAttribute('data-failed') ?? '';
	show(form, { visible: message, spoken: message, busy: false });
}

/**
 * Shows an answered page in place of this one, as a page load would: its title and body, at the
 * top, with focus on its first alert or notice (else its heading) so it is read out.
 * @param {string} html
 */
function replacePage(html) {
	const next = new DOMParser().parseFromString(html, 'text/html');
	document.title = next.title;
	document.body.replaceWith(document.adoptNode(next.body));
	window.scrollTo(0, 0);
	const first = document.querySelector('main [role="alert"], main [role="status"], main h1, h1');
	if (first instanceof HTMLElement) {
		if (!first.hasAttribute('tabindex')) first.setAttribute('tabindex', '-1');
		first.focus();
	}
}

if (!document.documentElement.hasAttribute('data-busy-ready')) {
	document.documentElement.setAttribute('data-busy-ready', '');

	document.addEventListener('click', (event) => {
		const link = event.target instanceof Element ? event.target.closest('a[data-busy-download]') : null;
		if (!(link instanceof HTMLAnchorElement) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		if (!working.has(link)) void download(link);
	});

	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-busy-form') || event.defaultPrevented) return;
		if (working.has(form)) {
			event.preventDefault(); // sent once already: a second click does not send it again
			return;
		}
		const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
		start(form, submitter);
		const withFile = [...form.querySelectorAll('input[type="file"]')].some((input) => input instanceof HTMLInputElement && input.files?.length);
		if (withFile && form.method === 'post') {
			event.preventDefault();
			upload(form, submitter);
			return;
		}
		const reading = statusOf(form).status?.getAttribute('data-working') ?? '';
		show(form, { visible: reading, spoken: reading }); // the browser posts it; the next page ends this
	});

	// Back to a page from the browser's cache after a plain post: nothing is at work any more.
	window.addEventListener('pageshow', (event) => {
		if (!event.persisted) return;
		for (const owner of [...working]) idle(owner);
	});
}
