import pino from 'pino';

/** What of an error a log line keeps: what it was and where, never the objects it carries. */
const KEPT = ['type', 'message', 'stack', 'code', 'severity', 'routine', 'errno', 'syscall', 'address', 'port'] as const;

/**
 * Errors are logged by the fields that say what happened. node-postgres hangs the whole client on a
 * lost connection's error (its connection parameters with the database password, its queues), which
 * the standard serializer would write out in full.
 */
export function errorForLog(error: unknown): Record<string, unknown> {
	const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
	if (!serialized || typeof serialized !== 'object') return { message: String(error) };
	const kept: Record<string, unknown> = {};
	for (const key of KEPT) if (serialized[key] !== undefined) kept[key] = serialized[key];
	const cause = (error as { cause?: unknown })?.cause;
	if (cause instanceof Error) kept.cause = errorForLog(cause);
	return kept;
}

export const logger = pino({
	level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
	serializers: { err: errorForLog, error: errorForLog }
});
