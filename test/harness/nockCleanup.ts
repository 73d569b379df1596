/**
 * Jest setup (setupFilesAfterEnv in jest.config.js): after each test file, nock's request interception
 * is switched off again. nock patches Node's shared `http` module when it is loaded, and Jest loads a
 * fresh nock for every test file that imports it, in the same worker process: without this, each such
 * file stacked one more interceptor on the same sockets until Node warned about an EventEmitter leak
 * ("11 connect listeners added to [MockHttpSocket]"). Loading nock here for a file that did not use it
 * only switches it on and off again.
 */
afterAll(() => {
	(jest.requireActual('nock') as { restore(): void }).restore();
});
