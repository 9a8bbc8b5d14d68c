import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../shared/domain-error';
import { fontCoverage } from './font-coverage';

/**
 * PDF/UA-1 (accessible: tagged, titled, in its language, alt text on every image) by default; PDF/A-2a
 * for the archive (arkivlagen: self-contained, every font embedded, tagged). Typst writes one
 * standard per file.
 */
export const PDF_STANDARDS = ['ua-1', 'a-2a'] as const;
export type PdfStandard = (typeof PDF_STANDARDS)[number];

const require = createRequire(import.meta.url);

/** The faces documents use, from the font package (SIL Open Font License 1.1, its LICENSE_FONT). */
const FACES = ['400Regular/SourceSans3_400Regular.ttf', '400Regular_Italic/SourceSans3_400Regular_Italic.ttf', '700Bold/SourceSans3_700Bold.ttf', '700Bold_Italic/SourceSans3_700Bold_Italic.ttf'];

/** A started compiler is kept for this long after its last PDF (it holds the fonts and Typst's caches). */
const IDLE_MS = 60_000;

/**
 * Typst's compiler, in a worker thread of its own: a long report takes it about half a second, which
 * must not stop the server answering others. The worker loads the fonts once, given to it as files
 * of our own package, so the PDF is set the same on every machine (the documents name only that
 * typeface and never fall back to another). It has an empty directory of its own as its workspace:
 * our sources read no files.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { NodeCompiler } = require(workerData.compiler);
const compiler = NodeCompiler.create({ workspace: workerData.workspace, fontArgs: [{ fontBlobs: workerData.fonts.map((file) => fs.readFileSync(file)) }] });
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, source, standard, stop }) => {
	// Typst's caches belong to the process, not the thread: emptied before the worker goes.
	if (stop) {
		compiler.evictCache(0);
		parentPort.postMessage({ stopped: true });
		return;
	}
	try {
		const compiled = compiler.compile({ mainFileContent: source });
		const document = compiled.result;
		if (!document) {
			const problem = compiled.takeDiagnostics() ?? compiled.takeError();
			const messages = problem ? compiler.fetchDiagnostics(problem).map((diagnostic) => diagnostic.message ?? JSON.stringify(diagnostic)) : [];
			throw new Error('Typst: ' + (messages.join('; ') || 'the document did not compile'));
		}
		const pdf = compiler.pdf(document, { pdfStandard: standard });
		compiler.evictCache(10);
		const bytes = new Uint8Array(pdf.length);
		bytes.set(pdf);
		parentPort.postMessage({ id, pdf: bytes }, [bytes.buffer]);
	} catch (thrown) {
		parentPort.postMessage({ id, error: String(thrown && thrown.message ? thrown.message : thrown) });
	}
});
`;

export interface PdfEngine {
	render(source: string, standard: PdfStandard): Promise<Buffer>;
	stop(): Promise<void>;
}

interface Job {
	resolve: (pdf: Buffer) => void;
	reject: (error: Error) => void;
}

/** The compiler's own module and our fonts, resolved where the application is installed. */
function defaults() {
	const fontDir = path.dirname(require.resolve('@expo-google-fonts/source-sans-3/package.json'));
	return { compiler: require.resolve('@myriaddreamin/typst-ts-node-compiler'), fonts: FACES.map((face) => path.join(fontDir, face)) };
}

export function createPdfEngine(options: { compiler?: string; fonts?: string[] } = {}): PdfEngine {
	let worker: Worker | undefined;
	let started: Promise<Worker> | undefined;
	let idle: NodeJS.Timeout | undefined;
	let workspace: string | undefined;
	let next = 0;
	const jobs = new Map<number, Job>();

	const unavailable = (reason: string) => new DomainError('error_pdf_unavailable', { reason }, { status: 503 });
	const failAll = (error: Error) => {
		for (const job of jobs.values()) job.reject(error);
		jobs.clear();
	};
	const start = (): Promise<Worker> => {
		started ??= new Promise<Worker>((resolve, reject) => {
			let files: { compiler: string; fonts: string[] };
			try {
				files = { ...defaults(), ...options };
				for (const file of files.fonts) fs.accessSync(file);
			} catch (thrown) {
				reject(unavailable(thrown instanceof Error ? thrown.message : String(thrown)));
				return;
			}
			workspace ??= fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-typst-'));
			const created = new Worker(WORKER, { eval: true, workerData: { ...files, workspace } });
			created.unref();
			let ready = false;
			created.on('message', (message: { ready?: boolean; stopped?: boolean; id?: number; pdf?: Uint8Array; error?: string }) => {
				if (message.stopped) return;
				if (message.ready) {
					ready = true;
					worker = created;
					resolve(created);
					return;
				}
				const job = jobs.get(message.id!);
				jobs.delete(message.id!);
				if (!jobs.size) settle();
				if (message.error !== undefined) job?.reject(new Error(message.error));
				else job?.resolve(Buffer.from(message.pdf!.buffer, message.pdf!.byteOffset, message.pdf!.byteLength));
			});
			const gone = (error: Error) => {
				worker = undefined;
				started = undefined;
				if (!ready) reject(unavailable(error.message));
				else failAll(error);
			};
			created.on('error', gone);
			created.on('exit', (code) => gone(new Error(`the PDF worker stopped (${code})`)));
		});
		return started;
	};
	/** Nothing waiting: the worker may not keep the process alive, and stops after a while. */
	const settle = () => {
		worker?.unref();
		clearTimeout(idle);
		idle = setTimeout(() => void stop(), IDLE_MS);
		idle.unref();
	};
	const stop = async () => {
		clearTimeout(idle);
		const running = worker;
		worker = undefined;
		started = undefined;
		if (running) {
			running.removeAllListeners('exit');
			// Its caches are emptied first (they outlive the thread); a worker that does not answer is stopped all the same.
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, 2_000);
				running.on('message', (message: { stopped?: boolean }) => {
					if (message.stopped) {
						clearTimeout(timer);
						resolve();
					}
				});
				running.postMessage({ stop: true });
			});
			await running.terminate();
		}
		failAll(new Error('the PDF worker was stopped'));
	};

	return {
		async render(source, standard) {
			clearTimeout(idle);
			const running = await start();
			// While a PDF is awaited the worker keeps the process alive (the CLI waits for its file).
			running.ref();
			const id = ++next;
			return new Promise<Buffer>((resolve, reject) => {
				jobs.set(id, { resolve, reject });
				running.postMessage({ id, source, standard });
			});
		},
		stop
	};
}

const engine = createPdfEngine();

let coverage: ((codePoint: number) => boolean) | undefined;
/** The characters the PDFs' typeface can draw (its regular face; the others have the same). */
export function pdfFontCoverage(): (codePoint: number) => boolean {
	if (!coverage) {
		try {
			coverage = fontCoverage(fs.readFileSync(defaults().fonts[0]));
		} catch {
			// Without the font there is no PDF either: the engine says so.
			return () => true;
		}
	}
	return coverage;
}

/** Typst source (see render-typst.ts) → a PDF of the given standard. */
export function renderPdf(source: string, standard: PdfStandard = 'ua-1'): Promise<Buffer> {
	return engine.render(source, standard);
}

/** Stops the compiler's worker (servers on shutdown; an idle one stops on its own). */
export function stopPdfWorker(): Promise<void> {
	return engine.stop();
}
