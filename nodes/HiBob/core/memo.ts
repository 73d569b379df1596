/**
 * Per-execution memo: n8n gives each execution (and each load-options call) its own context object, so a
 * WeakMap keyed by it holds one answer per execution and forgets it with the context. Pure: no n8n.
 */

/**
 * The pending load for `context`, started on first use and shared by every later caller. A failed
 * load is not kept: the next call loads again and reports its own error.
 */
export function memoPerContext<T>(
	cache: WeakMap<object, Promise<T>>,
	context: object,
	load: () => Promise<T>,
): Promise<T> {
	let pending = cache.get(context);
	if (!pending) {
		pending = load();
		cache.set(context, pending);
		pending.catch(() => cache.delete(context));
	}
	return pending;
}
