// The engine's own version, stored with every run: raise it whenever a change can alter a number the engine
// computes (a run made by another engine version is then shown as such next to its results).
export const ENGINE_VERSION = '1.2.0';
