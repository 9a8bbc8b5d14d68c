import { afterEach, describe, expect, it } from 'vitest';
import { renderPdf } from './render-pdf';
import { messageFor } from '../presenters/message';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
	if (saved === undefined) delete process.env.CHROMIUM_PATH;
	else process.env.CHROMIUM_PATH = saved;
});

describe('PDF without Chromium', () => {
	it('says how to install it, in the user\'s language', async () => {
		process.env.CHROMIUM_PATH = '/nonexistent/chromium';
		const refusal = await renderPdf('<p>x</p>', 'sv').catch((thrown) => thrown);
		expect(refusal).toMatchObject({ code: 'error_pdf_unavailable', status: 503 });
		expect(messageFor(refusal, 'sv')).toContain('apt-get install -y chromium');
		expect(messageFor(refusal, 'en')).toContain('Word, Excel and the web page still work');
	});
});
